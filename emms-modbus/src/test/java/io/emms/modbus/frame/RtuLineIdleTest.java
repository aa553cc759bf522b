package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inter-character-gap fallback: silence ends whatever is pending. */
class RtuLineIdleTest {

  @Test
  void idleDiscardsAFrameThatCanNeverComplete() {
    try (Codecs.Harness h = Codecs.RTU.harness(Direction.RESPONSE)) {
      // 11 03 06 announces 6 register bytes; only 2 arrive before the line goes quiet
      byte[] cut = Hex.bytes("11 03 06 AE 41");
      h.feed(cut, 0, cut.length);
      assertThat(h.assembler.pendingBytes()).isEqualTo(5);
      h.idle();
      assertThat(h.assembler.pendingBytes()).isZero();
      assertThat(h.stats.discardedBytes()).isEqualTo(5);
      // the next transmission is read from its own start
      byte[] good = Hex.bytes("11 03 06 AE 41 56 52 43 40 49 AD");
      h.feed(good, 0, good.length);
      assertThat(h.frames).containsExactly("17/03 06 AE 41 56 52 43 40");
    }
  }

  @Test
  void withoutIdleATruncatedFrameWouldSwallowTheNextOne() {
    try (Codecs.Harness h = Codecs.RTU.harness(Direction.RESPONSE)) {
      byte[] bytes = Hex.bytes("11 03 06 AE 41" + " 11 03 06 AE 41 56 52 43 40 49 AD");
      h.feed(bytes, 0, bytes.length);
      // the truncated frame's announced length covers the good frame's start, its CRC fails, the decoder slides
      // and then finds the whole good frame by looking ahead
      assertThat(h.frames).containsExactly("17/03 06 AE 41 56 52 43 40");
      assertThat(h.stats.checksumErrors()).isPositive();
      assertThat(h.stats.discardedBytes()).isEqualTo(5);
    }
  }

  @Test
  void idleDeliversAFrameOfACustomFunctionByItsCrc() {
    // custom function 0x41 with 3 data bytes; CRC from the serial line spec's bit-by-bit algorithm
    byte[] frame = Hex.bytes("05 41 01 02 03 00 00");
    int crc = FramingGoldenTest.referenceCrc(frame, 5);
    frame[5] = (byte) crc;
    frame[6] = (byte) (crc >>> 8);
    RtuFrameDecoder decoder = new RtuFrameDecoder(Direction.REQUEST, fc -> fc == 0x41);
    List<String> frames = new ArrayList<>();
    ByteBuf in = Unpooled.buffer().writeBytes(frame);
    decoder.lineIdle(in, f -> frames.add(Codecs.describe(f)));
    assertThat(frames).containsExactly("5/41 01 02 03");
    // without the custom code the same bytes are garbage
    RtuFrameDecoder strict = new RtuFrameDecoder(Direction.REQUEST);
    ByteBuf again = Unpooled.wrappedBuffer(frame);
    strict.lineIdle(again, f -> frames.add(Codecs.describe(f)));
    assertThat(frames).hasSize(1);
    assertThat(strict.discardedBytes()).isEqualTo(7);
  }
}
