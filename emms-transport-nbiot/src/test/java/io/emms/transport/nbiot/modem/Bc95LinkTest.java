package io.emms.transport.nbiot.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.PipeLink;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.nbiot.internal.AtLines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver against a scripted modem on an in-memory line: what it sends, and how it takes errors. */
@ExtendWith(LeakCheck.class)
class Bc95LinkTest {

  private static final Bc95Config CONFIG =
      new Bc95Config("10.0.0.1", 5683, 0, Optional.empty(), Duration.ofSeconds(5));

  private final List<String> sent = new CopyOnWriteArrayList<>();

  /** Answers each command line with what {@code script} says, and records the command. */
  private Bc95Link driverAgainst(Function<String, String> script) {
    PipeLink[] line = PipeLink.pair("at");
    AtLines lines = new AtLines(command -> {
      sent.add(command);
      line[1].write(AtLines.ascii(ByteBufAllocator.DEFAULT, "\r\n" + script.apply(command) + "\r\n"));
    });
    line[1].setListener(lines::feed);
    line[1].open().join();
    return new Bc95Link(line[0], CONFIG);
  }

  @Test
  void opensASocketAndSendsDatagramsAsHex() throws Exception {
    Bc95Link link = driverAgainst(c -> c.startsWith("AT+NSOCR") ? "1\r\n\r\nOK" : c.startsWith("AT+NSOST") ? "1,3\r\n\r\nOK" : "OK");

    link.open().get(5, TimeUnit.SECONDS);
    link.write(Unpooled.wrappedBuffer(new byte[] {0x01, (byte) 0xAB, 0x7F})).get(5, TimeUnit.SECONDS);
    link.close();

    assertThat(sent).containsExactly(
        "ATE0", "AT+NSOCR=\"DGRAM\",17,0,1", "AT+NSOST=1,10.0.0.1,5683,3,01AB7F", "AT+NSOCL=1");
  }

  @Test
  void aRefusedSocketFailsTheOpenWithAModemException() {
    Bc95Link link = driverAgainst(c -> c.startsWith("AT+NSOCR") ? "ERROR" : "OK");

    assertThatThrownBy(() -> link.open().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ModemException.class)
        .hasMessageContaining("AT+NSOCR");
    assertThat(link.isOpen()).isFalse();
  }

  @Test
  void aWrongSendAnswerFailsTheWrite() throws Exception {
    Bc95Link link = driverAgainst(c -> c.startsWith("AT+NSOCR") ? "0\r\n\r\nOK" : c.startsWith("AT+NSOST") ? "0,1\r\n\r\nOK" : "OK");
    link.open().get(5, TimeUnit.SECONDS);
    ByteBuf data = Unpooled.wrappedBuffer(new byte[] {1, 2});

    assertThatThrownBy(() -> link.write(data).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ModemException.class);
    assertThat(data.refCnt()).isZero();
    link.close();
  }

  @Test
  void askingForPsmSendsCpsmsBeforeTheSocket() throws Exception {
    PipeLink[] line = PipeLink.pair("at");
    AtLines lines = new AtLines(command -> {
      sent.add(command);
      line[1].write(AtLines.ascii(ByteBufAllocator.DEFAULT,
          "\r\n" + (command.startsWith("AT+NSOCR") ? "0\r\n\r\nOK" : "OK") + "\r\n"));
    });
    line[1].setListener(lines::feed);
    line[1].open().join();
    Bc95Link link = new Bc95Link(line[0], CONFIG.withPsm(new PsmTimers(Duration.ofHours(1), Duration.ofSeconds(10))));

    link.open().get(5, TimeUnit.SECONDS);
    link.close();

    assertThat(sent).containsSubsequence("ATE0", "AT+CPSMS=1,,,\"00000110\",\"00000101\"", "AT+NSOCR=\"DGRAM\",17,0,1");
  }
}
