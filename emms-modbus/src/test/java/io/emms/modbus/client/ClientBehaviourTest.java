package io.emms.modbus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkListener;
import io.emms.core.link.PipeLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our client against scripted peers that answer with hand-written frames. Golden vectors: the read-holding-registers
 * example of the Modbus serial line specification (unit 0x11, registers 0x006B..0x006D = AE41 5652 4340), as TCP
 * ADU and as RTU ADU with its published CRCs (request 7687, response 49AD).
 */
class ClientBehaviourTest {

  private final List<String> received = new CopyOnWriteArrayList<>();
  private PipeLink peer;
  private ModbusClient client;

  private static ByteBuf hex(String s) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(s.replace(" ", "")));
  }

  /** Starts a client in {@code mode} whose peer calls {@code script} with each received write and the peer link. */
  private void start(ModbusClientConfig config, BiConsumer<String, PipeLink> script) {
    PipeLink[] pipe = PipeLink.pair("scripted");
    peer = pipe[1];
    peer.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        String frame = ByteBufUtil.hexDump(data);
        received.add(frame);
        script.accept(frame, peer);
      }
    });
    peer.open().join();
    client = ModbusClient.create(pipe[0], config);
    client.connect().join();
  }

  private static ModbusClientConfig config(ModbusMode mode, int retries, boolean retryWrites) {
    return ModbusClientConfig.builder().mode(mode).timeout(Duration.ofMillis(150)).retries(retries)
        .retryBackoff(Duration.ofMillis(10)).retryWrites(retryWrites).build();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  @Test
  void tcpRequestAndResponseMatchTheSpecExample() {
    start(config(ModbusMode.TCP, 0, false), (frame, link) -> {
      assertThat(frame).isEqualTo("000000000006" + "11" + "03006b0003");
      link.write(hex("0000 0000 0009 11 03 06 AE41 5652 4340"));
    });
    assertThat(client.readHoldingRegisters(0x11, 0x6B, 3).join().registerValues())
        .containsExactly(0xAE41, 0x5652, 0x4340);
  }

  @Test
  void rtuRequestAndResponseMatchTheSpecExample() {
    start(config(ModbusMode.RTU, 0, false), (frame, link) -> {
      assertThat(frame).isEqualTo("1103006b00037687");
      link.write(hex("11 03 06 AE41 5652 4340 49AD"));
    });
    assertThat(client.readHoldingRegisters(0x11, 0x6B, 3).join().registerValues())
        .containsExactly(0xAE41, 0x5652, 0x4340);
  }

  @Test
  void rtuReplyFromAnotherUnitIsIgnoredWhileWaiting() {
    start(config(ModbusMode.RTU, 0, false), (frame, link) -> {
      link.write(withCrc("12 03 06 0000 0000 0000"));
      link.write(hex("11 03 06 AE41 5652 4340 49AD"));
    });
    assertThat(client.readHoldingRegisters(0x11, 0x6B, 3).join().registerValues())
        .containsExactly(0xAE41, 0x5652, 0x4340);
    assertThat(client.stats().foreignUnitResponses()).isEqualTo(1);
  }

  @Test
  void rtuLateReplyToAnEarlierRequestIsIgnoredWhileWaiting() {
    start(config(ModbusMode.RTU, 0, false), (frame, link) -> {
      // Same unit, but a one-register answer to an earlier request: not an answer to this one.
      link.write(withCrc("11 03 02 0001"));
      link.write(hex("11 03 06 AE41 5652 4340 49AD"));
    });
    assertThat(client.readHoldingRegisters(0x11, 0x6B, 3).join().registerValues())
        .containsExactly(0xAE41, 0x5652, 0x4340);
    assertThat(client.stats().staleResponses()).isEqualTo(1);
  }

  @Test
  void tcpResponsesWithUnknownTransactionIdsAreDropped() {
    start(config(ModbusMode.TCP, 0, false), (frame, link) -> {
      link.write(hex("7777 0000 0009 11 03 06 0000 0000 0000"));
      link.write(hex(frame.substring(0, 4) + "0000 0009 11 03 06 AE41 5652 4340"));
    });
    assertThat(client.readHoldingRegisters(0x11, 0x6B, 3).join().registerValues())
        .containsExactly(0xAE41, 0x5652, 0x4340);
    assertThat(client.stats().staleResponses()).isEqualTo(1);
  }

  @Test
  void pipelinedResponsesInReverseOrderReachTheirRequests() {
    List<String> requests = new ArrayList<>();
    ModbusClientConfig config = ModbusClientConfig.builder().mode(ModbusMode.TCP).maxInFlight(100)
        .timeout(Duration.ofSeconds(10)).build();
    start(config, (frame, link) -> {
      requests.add(frame);
      if (requests.size() == 100) {
        for (int i = 99; i >= 0; i--) {
          String req = requests.get(i);
          // Echo the address as the register value: MBAP tid, len 5, unit 1, fc 03, 2 bytes.
          link.write(hex(req.substring(0, 4) + "0000 0005 01 03 02" + req.substring(16, 20)));
        }
      }
    });
    List<CompletableFuture<int[]>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.readHoldingRegisters(1, 300 + i, 1).thenApply(r -> r.registerValues()));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(replies.get(i).join()).containsExactly(300 + i);
    }
  }

  @Test
  void requestsBeyondMaxInFlightWaitTheirTurn() {
    List<String> requests = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    List<String> sentTooEarly = new CopyOnWriteArrayList<>();
    ModbusClientConfig config = ModbusClientConfig.builder().mode(ModbusMode.TCP).maxInFlight(2)
        .timeout(Duration.ofSeconds(5)).build();
    start(config, (frame, link) -> {
      requests.add(frame);
      if (requests.size() == 3 && !answered.get()) {
        sentTooEarly.add(frame);
      }
    });
    List<CompletableFuture<?>> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(client.readHoldingRegisters(1, i, 1));
    }
    org.awaitility.Awaitility.await().until(() -> requests.size() == 2);
    answered.set(true);
    peer.write(hex(requests.get(0).substring(0, 4) + "0000 0005 01 03 02 0001"));
    replies.get(0).join();
    org.awaitility.Awaitility.await().until(() -> requests.size() == 3);
    assertThat(sentTooEarly).isEmpty();
    assertThat(requests.get(2)).endsWith("030002" + "0001");
  }

  @Test
  void timedOutReadsAreRetriedButWritesAreNot() {
    start(config(ModbusMode.TCP, 2, false), (frame, link) -> {});
    assertThatThrownBy(() -> client.readHoldingRegisters(1, 0, 1).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    assertThat(received).hasSize(3);
    received.clear();
    assertThatThrownBy(() -> client.writeSingleRegister(1, 0, 5).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    assertThat(received).hasSize(1);
    assertThat(client.stats().timeouts()).isEqualTo(4);
    assertThat(client.stats().retries()).isEqualTo(2);
  }

  @Test
  void writesAreRetriedWhenAsked() {
    start(config(ModbusMode.RTU, 1, true), (frame, link) -> {});
    assertThatThrownBy(() -> client.writeSingleRegister(1, 0, 5).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    // 01 06 0000 0005 and its CRC, twice: the original and one retry.
    assertThat(received).containsExactly(ByteBufUtil.hexDump(withCrc("01 06 0000 0005")),
        ByteBufUtil.hexDump(withCrc("01 06 0000 0005")));
  }

  @Test
  void aLateReplyAfterATimeoutIsCountedAsStale() {
    List<String> requests = new CopyOnWriteArrayList<>();
    start(config(ModbusMode.TCP, 0, false), (frame, link) -> requests.add(frame));
    assertThatThrownBy(() -> client.readHoldingRegisters(1, 0, 1).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    peer.write(hex(requests.get(0).substring(0, 4) + "0000 0005 01 03 02 0001"));
    org.awaitility.Awaitility.await().until(() -> client.stats().staleResponses() == 1);
  }

  @Test
  void aLateReplyIsStaleEvenWhenItsSlotHoldsANewerRequest() {
    // maxInFlight 2 gives a 16-slot table: transaction id 16 takes the slot of id 0.
    ModbusClientConfig config = ModbusClientConfig.builder().mode(ModbusMode.TCP).maxInFlight(2)
        .timeout(Duration.ofMillis(300)).retries(0).build();
    start(config, (frame, link) -> {
      String tid = frame.substring(0, 4);
      if (tid.equals("0010")) {
        link.write(hex("0000 0000 0005 01 03 02 DEAD"));
      }
      if (!tid.equals("0000")) {
        link.write(hex(tid + "0000 0005 01 03 02" + tid));
      }
    });
    assertThatThrownBy(() -> client.readHoldingRegisters(1, 0, 1).join())
        .hasCauseInstanceOf(ModbusTimeoutException.class);
    for (int i = 1; i <= 16; i++) {
      assertThat(client.readHoldingRegisters(1, 0, 1).join().registerValues()).containsExactly(i);
    }
    assertThat(client.stats().staleResponses()).isEqualTo(1);
  }

  @Test
  void closingTheLinkFailsPendingRequestsAndReopeningResumes() {
    start(config(ModbusMode.TCP, 0, false), (frame, link) -> {
      if (frame.endsWith("0001")) {
        link.write(hex(frame.substring(0, 4) + "0000 0005 01 03 02 00 2A"));
      }
    });
    CompletableFuture<?> pending = client.readHoldingRegisters(1, 0, 2);
    client.link().close();
    assertThatThrownBy(pending::join).hasCauseInstanceOf(ModbusClientException.class)
        .cause().hasMessageContaining("closed");
    client.link().open().join();
    assertThat(client.readHoldingRegisters(1, 0, 1).join().registerValues()).containsExactly(42);
  }

  @Test
  void serialBroadcastIsRejectedBecauseItGetsNoAnswer() {
    start(config(ModbusMode.RTU, 0, false), (frame, link) -> {});
    assertThatThrownBy(() -> client.readCoils(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Appends the Modbus CRC, computed bit by bit as the serial line specification describes it. */
  private static ByteBuf withCrc(String body) {
    byte[] b = HexFormat.of().parseHex(body.replace(" ", ""));
    int crc = 0xFFFF;
    for (byte x : b) {
      crc ^= x & 0xFF;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    ByteBuf out = Unpooled.buffer(b.length + 2);
    out.writeBytes(b).writeByte(crc & 0xFF).writeByte(crc >>> 8);
    return out;
  }
}
