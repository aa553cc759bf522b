package io.emms.transport.dtu;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkException;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DTU server against DTUs played over plain sockets: every byte on the wire is the test's choice. */
@ExtendWith(LeakCheck.class)
class DtuServerTest {

  /** Long enough that a split heartbeat is always joined by its rest, never flushed as data. */
  private static final Duration PATIENT_HOLD_BACK = Duration.ofSeconds(30);

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private DtuServer server;

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private DtuServer start(DtuServerConfig.Builder config) {
    server = new DtuServer(config.holdBack(PATIENT_HOLD_BACK).build(), new DtuListener() {
      @Override
      public void registered(DtuLink link, InetSocketAddress remote) {
        events.add("registered " + link.id());
      }

      @Override
      public void lost(DtuLink link, DtuDisconnectedException cause) {
        events.add("lost " + link.id() + " " + cause.reason());
      }

      @Override
      public void rejected(InetSocketAddress remote, String reason) {
        events.add("rejected " + reason);
      }
    });
    cleanup.add(server);
    server.start().join();
    return server;
  }

  private DtuServer start() {
    return start(DtuServerConfig.builder());
  }

  private RawDtu dial() throws Exception {
    RawDtu dtu = new RawDtu(server.port());
    cleanup.add(dtu);
    return dtu;
  }

  private Recorder opened(DtuLink link) {
    Recorder recorder = new Recorder();
    link.setListener(recorder);
    cleanup.add(link);
    return recorder;
  }

  private String nextEvent() throws InterruptedException {
    String event = events.poll(Recorder.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("a server event").isNotNull();
    return event;
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, US_ASCII);
  }

  @Test
  void aLinkWaitsForItsDtuAndCarriesOnlyProtocolBytes() throws Exception {
    start();
    DtuLink link = server.link("DTU-7");
    Recorder recorder = opened(link);
    CompletableFuture<Void> open = link.open();
    assertThat(open).isNotDone();

    RawDtu dtu = dial().sendText("DTU-7\r\n");
    open.get(10, TimeUnit.SECONDS);
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");
    assertThat(nextEvent()).isEqualTo("registered DTU-7");
    assertThat(server.registered()).containsExactly("DTU-7");

    link.write(ascii("request")).join();
    assertThat(new String(dtu.read(7), US_ASCII)).isEqualTo("request");

    dtu.sendText("repl").sendText("www.usr.cn").sendText("y");
    assertThat(new String(recorder.awaitBytes(5), US_ASCII)).isEqualTo("reply");
    assertThat(server.stats().heartbeats()).isEqualTo(1);
  }

  @Test
  void aHeartbeatSplitAcrossSegmentsIsJoinedAndTakenOut() throws Exception {
    start();
    Recorder recorder = opened(server.link("DTU-1"));
    server.link("DTU-1").open();
    RawDtu dtu = dial().sendText("DTU-1\r\n");
    recorder.nextEvent();

    dtu.sendText("AB" + "www.u");
    // "AB" arrives on its own: the first segment was read and its tail held back as a possible heartbeat.
    assertThat(recorder.awaitBytes(2)).containsExactly('A', 'B');
    dtu.sendText("sr.cn" + "CD");
    assertThat(new String(recorder.awaitBytes(4), US_ASCII)).isEqualTo("ABCD");
    assertThat(server.stats().heartbeats()).isEqualTo(1);
  }

  @Test
  void bytesThatOnlyLookedLikeAHeartbeatArePassedOnAfterTheHoldBack() throws Exception {
    server = new DtuServer(DtuServerConfig.builder().holdBack(Duration.ofMillis(50)).build());
    cleanup.add(server);
    server.start().join();
    Recorder recorder = opened(server.link("DTU-1"));
    server.link("DTU-1").open();
    dial().sendText("DTU-1\r\n").sendText("xyww");
    recorder.nextEvent();
    assertThat(new String(recorder.awaitBytes(4), US_ASCII)).isEqualTo("xyww");
  }

  @Test
  void aHeartbeatInsideAMeterReplyBurstIsTakenOutAndTheReplyArrivesWhole() throws Exception {
    start();
    Recorder recorder = opened(server.link("DTU-2"));
    server.link("DTU-2").open();
    RawDtu dtu = dial().sendText("DTU-2\r\n");
    recorder.nextEvent();
    // A DL/T 645 reply (forward active energy of meter 000000000001) with the heartbeat in its middle.
    String reply = "68010000000000689108333334333344443316";
    String burst = reply.substring(0, 20) + "7777772E7573722E636E" + reply.substring(20);
    dtu.sendHex(burst + burst.substring(0, 12)).sendHex(burst.substring(12));
    byte[] got = recorder.awaitBytes(2 * reply.length() / 2);
    assertThat(io.netty.buffer.ByteBufUtil.hexDump(got).toUpperCase()).isEqualTo(reply + reply);
    assertThat(server.stats().heartbeats()).isEqualTo(2);
  }

  @Test
  void garbageBeforeRegistrationClosesTheConnectionAndIsCounted() throws Exception {
    start();
    RawDtu dtu = dial().sendHex("0001FF").sendText("DTU-3\r\n");
    assertThat(dtu.closedByServer()).isTrue();
    assertThat(nextEvent()).startsWith("rejected not a registration: 0001ff");
    assertThat(server.stats().rejected()).isEqualTo(1);
    assertThat(server.registered()).isEmpty();
  }

  @Test
  void aConnectionThatNeverRegistersIsClosedAtTheDeadline() throws Exception {
    start(DtuServerConfig.builder().registrationDeadline(Duration.ofMillis(200)));
    RawDtu silent = dial();
    assertThat(silent.closedByServer()).isTrue();
    assertThat(nextEvent()).isEqualTo("rejected no registration within PT0.2S");
    assertThat(server.stats().rejected()).isEqualTo(1);
  }

  @Test
  void aRegistrationTooLongIsRejectedWithoutBufferingMore() throws Exception {
    start();
    RawDtu dtu = dial().sendText("X".repeat(10_000));
    assertThat(dtu.closedByServer()).isTrue();
    assertThat(nextEvent()).startsWith("rejected not a registration");
  }

  @Test
  void aSilentRegisteredDtuIsClosedAsIdle() throws Exception {
    start(DtuServerConfig.builder().heartbeatInterval(Duration.ofMillis(100)));
    assertThat(server.config().idleTimeout()).isEqualTo(Duration.ofMillis(250));
    Recorder recorder = opened(server.link("DTU-4"));
    server.link("DTU-4").open();
    RawDtu dtu = dial().sendText("DTU-4\r\n");
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");

    Recorder.Event closed = recorder.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isInstanceOfSatisfying(DtuDisconnectedException.class,
        e -> assertThat(e.reason()).isEqualTo(DtuDisconnectedException.Reason.IDLE));
    assertThat(dtu.closedByServer()).isTrue();
    assertThat(server.stats().idleTimeouts()).isEqualTo(1);
  }

  @Test
  void aDuplicateRegistrationClosesTheOlderConnection() throws Exception {
    start();
    DtuLink link = server.link("DTU-5");
    Recorder recorder = opened(link);
    link.open();
    RawDtu first = dial().sendText("DTU-5\r\n");
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");

    RawDtu second = dial().sendText("DTU-5\r\n");
    Recorder.Event replaced = recorder.nextEvent();
    assertThat(replaced.cause()).isInstanceOfSatisfying(DtuDisconnectedException.class, e -> {
      assertThat(e.reason()).isEqualTo(DtuDisconnectedException.Reason.REPLACED);
      assertThat(e.dtuId()).isEqualTo("DTU-5");
    });
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");
    assertThat(first.closedByServer()).isTrue();

    link.write(ascii("to-second")).join();
    assertThat(new String(second.read(9), US_ASCII)).isEqualTo("to-second");
    assertThat(server.stats().replaced()).isEqualTo(1);
    assertThat(server.registered()).containsExactly("DTU-5");
  }

  @Test
  void hangingUpClosesTheConnectionButNotTheLink() throws Exception {
    start();
    DtuLink link = server.link("DTU-11");
    Recorder recorder = opened(link);
    link.open();
    RawDtu first = dial().sendText("DTU-11\r\n");
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");

    link.hangUp().join();
    assertThat(recorder.nextEvent().cause()).isInstanceOfSatisfying(DtuDisconnectedException.class,
        e -> assertThat(e.reason()).isEqualTo(DtuDisconnectedException.Reason.HUNG_UP));
    assertThat(first.closedByServer()).isTrue();
    dial().sendText("DTU-11\r\n");
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");
    assertThat(link.isOpen()).isTrue();
  }

  @Test
  void writesFailAtOnceWhileTheDtuIsAway() {
    start();
    DtuLink link = server.link("NOBODY");
    link.open();
    cleanup.add(link);
    ByteBuf data = ascii("x");
    assertThatThrownBy(() -> link.write(data).join()).hasCauseInstanceOf(LinkException.class);
    assertThat(data.refCnt()).isZero();
  }

  @Test
  void aRegistrationReplyIsSentBeforeAnythingElse() throws Exception {
    start(DtuServerConfig.builder().registrationReply("OK\r\n".getBytes(US_ASCII)));
    DtuLink link = server.link("DTU-6");
    opened(link);
    CompletableFuture<Void> open = link.open();
    RawDtu dtu = dial().sendText("DTU-6\r\n");
    open.get(10, TimeUnit.SECONDS);
    link.write(ascii("Q")).join();
    assertThat(new String(dtu.read(5), US_ASCII)).isEqualTo("OK\r\nQ");
  }

  @Test
  void aRegistrationRepeatedOnEveryPacketIsTakenOut() throws Exception {
    start(DtuServerConfig.builder().framing(DtuFraming.named("usr-iot-data")));
    Recorder recorder = opened(server.link("DTU-8"));
    server.link("DTU-8").open();
    RawDtu dtu = dial().sendText("DTU-8\r\n");
    recorder.nextEvent();
    dtu.sendText("DTU-8\r\nfirst").sendText("DTU-8\r\nsecond").sendText("www.usr.cn");
    assertThat(new String(recorder.awaitBytes(11), US_ASCII)).isEqualTo("firstsecond");
  }

  @Test
  void theFramedFastbeeRegistrationNamesTheDtuByItsMac() throws Exception {
    start(DtuServerConfig.builder().framing(DtuFraming.named("fastbee-7e")));
    Recorder recorder = opened(server.link("A1B2C3D4E5F6"));
    server.link("A1B2C3D4E5F6").open();
    RawDtu dtu = dial().sendHex("7E80A1B2C3D4E5F67E");
    assertThat(recorder.nextEvent().kind()).isEqualTo("open");
    dtu.sendHex("0103" + "7E817E" + "020000");
    assertThat(recorder.awaitBytes(5)).containsExactly(0x01, 0x03, 0x02, 0x00, 0x00);
  }

  @Test
  void aCustomMatcherDecidesWhatARegistrationIs() throws Exception {
    RegistrationMatcher lengthPrefixed = new RegistrationMatcher() {
      @Override
      public int match(ByteBuf in) {
        if (!in.isReadable()) {
          return NEED_MORE;
        }
        int length = 1 + in.getUnsignedByte(in.readerIndex());
        return length > maxLength() ? NO_MATCH : in.readableBytes() >= length ? length : NEED_MORE;
      }

      @Override
      public String id(ByteBuf in, int length) {
        return in.toString(in.readerIndex() + 1, length - 1, US_ASCII);
      }

      @Override
      public int maxLength() {
        return 33;
      }
    };
    DtuFraming framing = DtuFraming.of("length-prefixed", lengthPrefixed, RegistrationMode.ONCE_AT_CONNECT,
        HeartbeatMatcher.hex("FE"), id -> new byte[0], new byte[] {(byte) 0xFE});
    start(DtuServerConfig.builder().framing(framing));
    Recorder recorder = opened(server.link("M-9"));
    server.link("M-9").open();
    dial().sendHex("03").sendText("M-9").sendHex("01FE02");
    recorder.nextEvent();
    assertThat(recorder.awaitBytes(2)).containsExactly(0x01, 0x02);
  }

  @Test
  void closingTheServerClosesOpenLinksWithoutACause() throws Exception {
    start();
    DtuLink link = server.link("DTU-10");
    Recorder recorder = new Recorder();
    link.setListener(recorder);
    link.open();
    RawDtu dtu = dial().sendText("DTU-10\r\n");
    recorder.nextEvent();
    server.close();
    Recorder.Event closed = recorder.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isNull();
    assertThat(dtu.closedByServer()).isTrue();
  }
}
