package io.emms.modbus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.core.testing.LeakCheck;
import io.emms.modbus.pdu.RawPdu;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client and server release every pooled buffer: replies, refusals, timeouts, a dropped link and closing. */
class LeakFreedomTest {

  @ParameterizedTest
  @EnumSource(ModbusMode.class)
  void noBufferLeaksInAnyMode(ModbusMode mode) {
    LeakCheck.start();
    PipeLink[] pipe = PipeLink.pair("leaks-" + mode);
    ModbusServer server = ModbusServer.create(mode, 1, new ProcessImageService(new ProcessImage(50)));
    server.attach(pipe[1]);
    pipe[1].open().join();
    ModbusClient client = ModbusClient.create(pipe[0], ModbusClientConfig.builder().mode(mode)
        .timeout(Duration.ofSeconds(1)).retries(1).retryBackoff(Duration.ofMillis(5)).build());
    client.connect().join();

    List<CompletableFuture<?>> replies = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      replies.add(client.writeMultipleRegisters(1, i, i, i + 1));
      replies.add(client.readHoldingRegisters(1, i, 2));
      replies.add(client.readCoils(1, i, 9));
    }
    replies.forEach(CompletableFuture::join);
    assertThatThrownBy(() -> client.readInputRegisters(1, 49, 2).join())
        .hasCauseInstanceOf(ModbusExceptionResponseException.class);
    if (mode.pipelined()) {
      // A truncated FC03 is refused on MBAP; on RTU it cannot be delimited without line timing.
      assertThatThrownBy(() -> client.send(1, new RawPdu(0x03, Unpooled.wrappedBuffer(new byte[] {0, 0}))).join())
          .hasCauseInstanceOf(ModbusExceptionResponseException.class);
    } else {
      assertThatThrownBy(() -> client.readHoldingRegisters(5, 0, 1).join())
          .hasCauseInstanceOf(ModbusTimeoutException.class);
    }
    CompletableFuture<?> cut = client.readHoldingRegisters(1, 0, 1);
    pipe[0].close();
    cut.handle((v, e) -> null).join();
    pipe[0].open().join();
    assertThat(client.readHoldingRegisters(1, 0, 2).join().registerValues()).containsExactly(0, 1);
    client.close();
    server.close();

    assertThat(LeakCheck.leaks()).isEmpty();
  }
}
