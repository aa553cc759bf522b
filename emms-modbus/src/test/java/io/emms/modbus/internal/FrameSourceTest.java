package io.emms.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.emms.core.link.LinkListener;
import io.emms.core.testing.LeakCheck;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.server.ModbusServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RTU inter-character-gap fallback of {@link FrameSource}, driven the way a link drives it: pooled buffers
 * delivered one read at a time, released after the call, while the shared timer watches the line.
 */
@ExtendWith(LeakCheck.class)
class FrameSourceTest {

  private static final Duration GAP = Duration.ofMillis(20);
  private static final LinkListener NO_STATE = data -> {};

  /** Frames as "unit/PDU hex" and the threads they were delivered on. */
  private final List<String> frames = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger batchEnds = new AtomicInteger();

  private FrameSource source(ModbusMode mode, Direction direction) {
    return FrameSource.create(mode, direction, GAP, frame -> {
      frames.add(frame.unitId() + "/" + Hex.of(frame.pdu()));
      threads.add(Thread.currentThread().getName());
    }, batchEnds::incrementAndGet, NO_STATE);
  }

  private static void deliver(FrameSource source, String hex) {
    ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(Hex.bytes(hex));
    try {
      source.onData(data);
    } finally {
      data.release();
    }
  }

  @Test
  void anIdleLineDeliversAFrameThatAnEarlierTruncatedHeaderHeldBack() {
    FrameSource source = source(ModbusMode.RTU, Direction.REQUEST);
    // FC17 header announcing 0xF0 value bytes (253-byte frame), cut after its byte count, then in the same read
    // a whole FC03 request: read 1 holding register at 0 from unit 1, CRC 0x0A84 (low byte first).
    deliver(source, "01 17 00 00 00 01 00 00 00 01 F0" + "01 03 00 00 00 01 84 0A");
    // The announced length covers the FC03 request, so by length alone the decoder waits for more bytes.
    assertThat(frames).isEmpty();
    assertThat(batchEnds).hasValue(1);

    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
    assertThat(frames).containsExactly("1/03 00 00 00 01");
    assertThat(threads).containsExactly("emms-line-timer");
    // Replies to a frame the idle line delivered are flushed at once, not with the next read.
    await().atMost(Duration.ofSeconds(5)).until(() -> batchEnds.get() == 2);
    assertThat(source.framingStats().discardedBytes()).isEqualTo(11);
    source.close();
  }

  @ParameterizedTest
  @CsvSource({
    // RTU frames through a TCP gateway: FC03 response, 1 register 0x1234, CRC 0x33B5
    "RTU_OVER_TCP, 01 03 02 12, 34 B5 33",
    // ASCII ":010302" "1234B4" CR LF: LRC = -(01 + 03 + 02 + 12 + 34) = B4
    "ASCII, 3A 30 31 30 33 30 32, 31 32 33 34 42 34 0D 0A",
    // MBAP: transaction 7, protocol 0, length 5, unit 1
    "TCP, 00 07 00 00 00 05 01 03, 02 12 34",
  })
  void onlySerialRtuEndsPendingBytesAtSilence(ModbusMode mode, String head, String tail) {
    FrameSource other = source(mode, Direction.RESPONSE);
    FrameSource rtu = source(ModbusMode.RTU, Direction.RESPONSE);
    deliver(other, head);
    deliver(rtu, "01 03 02 12");
    // Once the RTU source has dropped its bytes at the silence, the same gap has passed for the other, fed first.
    await().atMost(Duration.ofSeconds(5)).until(() -> rtu.framingStats().discardedBytes() == 4);
    deliver(other, tail);
    assertThat(frames).containsExactly("1/03 02 12 34");
    assertThat(other.framingStats().discardedBytes()).isZero();
    other.close();
    rtu.close();
  }

  @Test
  void theGapDefaultsTo20MillisecondsAndCannotBeNegative() {
    assertThat(ModbusClientConfig.of(ModbusMode.RTU).rtuIdleGap()).isEqualTo(Duration.ofMillis(20));
    assertThatThrownBy(() -> ModbusClientConfig.builder().rtuIdleGap(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModbusServer.builder(ModbusMode.RTU).rtuIdleGap(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
