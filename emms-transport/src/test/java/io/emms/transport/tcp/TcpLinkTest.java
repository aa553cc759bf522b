package io.emms.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.LinkException;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import io.emms.transport.internal.NettyLinks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class TcpLinkTest {

  private static final ReconnectPolicy FAST = ReconnectPolicy.exponential(
      Duration.ofMillis(20), Duration.ofMillis(100), 0.2);

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  /** Accepted connections, each with the recorder the echo handler put on it. */
  private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();

  private record Accepted(TcpServerLink link, Recorder recorder) {}

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  /** A server whose connections echo what they receive, and record it. */
  private TcpLinkServer echoServer(TcpServerConfig config) {
    TcpLinkServer server = new TcpLinkServer(config, link -> {
      Recorder recorder = new Recorder();
      link.setListener(recorder.echoingOn(link));
      accepted.add(new Accepted(link, recorder));
    });
    cleanup.add(server);
    server.start().join();
    return server;
  }

  private TcpLinkServer echoServer() {
    return echoServer(TcpServerConfig.defaults());
  }

  private TcpClientLink client(int port, ReconnectPolicy reconnect, Recorder recorder) {
    TcpClientLink link = new TcpClientLink(
        TcpClientConfig.builder("127.0.0.1", port).reconnect(reconnect).build());
    link.setListener(recorder);
    cleanup.add(link);
    return link;
  }

  private Accepted nextAccepted() throws InterruptedException {
    Accepted next = accepted.poll(Recorder.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(next).as("an accepted connection").isNotNull();
    return next;
  }

  @Test
  void echoesThroughClientAndServer() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), FAST, atClient);

    client.open().join();
    client.write(ascii("hello meter")).join();

    assertThat(new String(atClient.awaitBytes(11), US_ASCII)).isEqualTo("hello meter");
    assertThat(new String(nextAccepted().recorder().awaitBytes(11), US_ASCII)).isEqualTo("hello meter");
    assertThat(client.isOpen()).isTrue();
    assertThat(client.name()).isEqualTo("tcp:127.0.0.1:" + server.port());
  }

  @Test
  void manySmallWritesArriveWholeAndInOrder() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), FAST, atClient);
    client.open().join();

    List<CompletableFuture<Void>> writes = new ArrayList<>();
    byte[] expected = new byte[4000];
    for (int i = 0; i < 1000; i++) {
      ByteBuf chunk = Unpooled.buffer(4).writeInt(i);
      chunk.getBytes(0, expected, i * 4, 4);
      writes.add(client.write(chunk));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

    assertThat(atClient.awaitBytes(expected.length)).isEqualTo(expected);
  }

  @Test
  void reconnectsAfterTheServerDropsTheConnection() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), FAST, atClient);
    client.open().join();
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");

    nextAccepted().link().closeAsync().join();

    Recorder.Event dropped = atClient.nextEvent();
    assertThat(dropped.kind()).isEqualTo("closed");
    assertThat(dropped.cause()).isInstanceOf(LinkException.class);
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");
    client.write(ascii("back again")).join();
    assertThat(new String(atClient.awaitBytes(10), US_ASCII)).isEqualTo("back again");
    assertThat(nextAccepted().recorder().awaitBytes(10)).hasSize(10);
  }

  @Test
  void keepsRetryingAClosedPortUntilAServerAppears() throws Exception {
    int port = freePort();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(port, FAST, atClient);

    CompletableFuture<Void> opened = client.open();
    awaitTrue(() -> client.connectAttempts() >= 3);
    assertThat(opened).isNotDone();
    assertThat(client.isOpen()).isFalse();

    echoServer(TcpServerConfig.builder().port(port).build());

    opened.orTimeout(Recorder.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    client.write(ascii("late")).join();
    assertThat(new String(atClient.awaitBytes(4), US_ASCII)).isEqualTo("late");
  }

  @Test
  void writesWhileDisconnectedFailFastAndReleaseTheBuffer() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), FAST, atClient);
    client.open().join();
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");

    server.close();
    assertThat(atClient.nextEvent().kind()).isEqualTo("closed");
    ByteBuf data = ascii("nobody listens");
    CompletableFuture<Void> write = client.write(data);

    assertThat(write).isCompletedExceptionally();
    assertThatThrownBy(write::join).cause()
        .isInstanceOf(LinkException.class)
        .hasMessage(client.name() + ": not connected")
        .cause().as("why the connection went down").isNotNull();
    assertThat(data.refCnt()).isZero();
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closeStopsReconnectingAndFailsThePendingOpen() throws Exception {
    TcpClientLink client = client(freePort(), FAST, new Recorder());
    CompletableFuture<Void> opened = client.open();
    awaitTrue(() -> client.connectAttempts() >= 2);

    client.close();
    long attempts = client.connectAttempts();
    Thread.sleep(300);

    assertThat(client.connectAttempts()).isEqualTo(attempts);
    assertThatThrownBy(opened::join).hasCauseInstanceOf(LinkException.class);
  }

  @Test
  void withoutReconnectAFailedConnectFailsOpen() throws IOException {
    TcpClientLink client = client(freePort(), ReconnectPolicy.never(), new Recorder());

    assertThatThrownBy(() -> client.open().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ConnectFailedException.class)
        .hasMessage(client.name() + ": connection refused")
        .satisfies(e -> assertThat(((ConnectFailedException) e).reason()).isEqualTo(ConnectFailedException.Reason.REFUSED));
    assertThat(client.connectAttempts()).isEqualTo(1);
  }

  @Test
  void withReconnectAFirstConnectThatNeverSucceedsFailsAfterTheOpenTimeout() throws Exception {
    TcpClientLink client = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", freePort())
        .reconnect(FAST).openTimeout(Duration.ofMillis(300)).build());
    cleanup.add(client);

    CompletableFuture<Void> opened = client.open();

    assertThatThrownBy(opened::join)
        .cause()
        .isInstanceOf(ConnectFailedException.class)
        .hasMessageStartingWith(client.name() + ": connection refused (")
        .satisfies(e -> assertThat(((ConnectFailedException) e).reason()).isEqualTo(ConnectFailedException.Reason.REFUSED));
    assertThat(client.connectAttempts()).isGreaterThan(1);
    assertThat(client.isOpen()).isFalse();
    long attempts = client.connectAttempts();
    Thread.sleep(200);
    assertThat(client.connectAttempts()).as("no retries after open() failed").isEqualTo(attempts);
  }

  @Test
  void connectFailuresAreClassifiedAsAUserWouldCheckThem() {
    assertThat(ConnectFailedException.Reason.of(new ConnectTimeoutException("connection timed out")))
        .isEqualTo(ConnectFailedException.Reason.TIMED_OUT);
    assertThat(ConnectFailedException.Reason.of(null)).isEqualTo(ConnectFailedException.Reason.TIMED_OUT);
    assertThat(ConnectFailedException.Reason.of(new NoRouteToHostException("No route to host")))
        .isEqualTo(ConnectFailedException.Reason.UNREACHABLE);
    assertThat(ConnectFailedException.Reason.of(new SocketException("Network is unreachable")))
        .isEqualTo(ConnectFailedException.Reason.UNREACHABLE);
    assertThat(ConnectFailedException.Reason.of(new UnknownHostException("meter.invalid")))
        .isEqualTo(ConnectFailedException.Reason.UNKNOWN_HOST);
    assertThat(ConnectFailedException.Reason.of(new ConnectException("Connection refused")))
        .isEqualTo(ConnectFailedException.Reason.REFUSED);
  }

  @Test
  void clientCanBeOpenedAgainAfterClose() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), FAST, atClient);
    client.open().join();
    client.close();
    client.close();

    client.open().join();
    client.write(ascii("twice")).join();

    assertThat(new String(atClient.awaitBytes(5), US_ASCII)).isEqualTo("twice");
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");
    Recorder.Event closed = atClient.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isNull();
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");
  }

  @Test
  void serverBindsToLoopbackByDefault() {
    assertThat(TcpServerConfig.defaults().bindAddress()).isEqualTo("127.0.0.1");

    TcpLinkServer server = echoServer();

    assertThat(server.localAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
  }

  @Test
  void acceptedLinkKnowsItsPeerAndCannotBeReopened() throws Exception {
    TcpLinkServer server = echoServer();
    TcpClientLink client = client(server.port(), FAST, new Recorder());
    client.open().join();
    Accepted accepted = nextAccepted();

    InetSocketAddress remote = accepted.link().remoteAddress();
    assertThat(remote.getAddress().isLoopbackAddress()).isTrue();
    assertThat(accepted.link().localAddress().getPort()).isEqualTo(server.port());
    assertThat(server.connections()).containsExactly(accepted.link());

    accepted.link().close();
    Recorder.Event closed = accepted.recorder().nextEvent();
    while (closed.kind().equals("open")) {
      closed = accepted.recorder().nextEvent();
    }
    assertThat(closed.cause()).isNull();
    assertThat(accepted.link().isOpen()).isFalse();
    assertThatThrownBy(() -> accepted.link().open().join()).hasCauseInstanceOf(LinkException.class);
  }

  @Test
  void connectionsOverTheLimitAreClosedWithoutReachingTheHandler() throws Exception {
    TcpLinkServer server = echoServer(TcpServerConfig.builder().maxConnections(1).build());
    TcpClientLink first = client(server.port(), FAST, new Recorder());
    first.open().join();
    nextAccepted();

    Recorder atSecond = new Recorder();
    TcpClientLink second = client(server.port(), ReconnectPolicy.never(), atSecond);
    second.open().join();

    assertThat(atSecond.nextEvent().kind()).isEqualTo("open");
    assertThat(atSecond.nextEvent().kind()).isEqualTo("closed");
    assertThat(accepted).isEmpty();
    assertThat(server.connections()).hasSize(1);
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    TcpLinkServer server = echoServer(TcpServerConfig.builder().idleTimeout(Duration.ofMillis(200)).build());
    Recorder atClient = new Recorder();
    TcpClientLink client = client(server.port(), ReconnectPolicy.never(), atClient);
    client.open().join();
    Recorder atServer = nextAccepted().recorder();

    assertThat(atServer.nextEvent().kind()).isEqualTo("open");
    Recorder.Event closed = atServer.nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isInstanceOf(LinkException.class).hasMessageContaining("idle");
    assertThat(atClient.nextEvent().kind()).isEqualTo("open");
    assertThat(atClient.nextEvent().kind()).isEqualTo("closed");
  }

  @Test
  void stoppingTheServerClosesEveryConnection() throws Exception {
    TcpLinkServer server = echoServer();
    Recorder atFirst = new Recorder();
    Recorder atSecond = new Recorder();
    client(server.port(), ReconnectPolicy.never(), atFirst).open().join();
    client(server.port(), ReconnectPolicy.never(), atSecond).open().join();
    Recorder serverSide1 = nextAccepted().recorder();
    Recorder serverSide2 = nextAccepted().recorder();

    server.close();

    assertThat(server.connections()).isEmpty();
    for (Recorder atServer : List.of(serverSide1, serverSide2)) {
      assertThat(atServer.nextEvent().kind()).isEqualTo("open");
      Recorder.Event closed = atServer.nextEvent();
      assertThat(closed.kind()).isEqualTo("closed");
      assertThat(closed.cause()).isNull();
    }
    for (Recorder atClient : List.of(atFirst, atSecond)) {
      assertThat(atClient.nextEvent().kind()).isEqualTo("open");
      assertThat(atClient.nextEvent().kind()).isEqualTo("closed");
    }
  }

  @Test
  void bindingABusyPortFails() {
    TcpLinkServer first = echoServer();
    TcpLinkServer second = new TcpLinkServer(TcpServerConfig.builder().port(first.port()).build(), link -> {});
    cleanup.add(second);

    assertThatThrownBy(() -> second.start().join()).hasCauseInstanceOf(LinkException.class);
  }

  @Test
  void aThrowingListenerNeitherBreaksTheLinkNorLeaks() throws Exception {
    TcpLinkServer server = echoServer();
    List<ByteBuf> seen = new CopyOnWriteArrayList<>();
    AtomicInteger bytes = new AtomicInteger();
    TcpClientLink client = client(server.port(), FAST, new Recorder());
    client.setListener(data -> {
      seen.add(data);
      bytes.addAndGet(data.readableBytes());
      throw new IllegalStateException("listener bug");
    });
    client.open().join();

    client.write(ascii("first")).join();
    awaitTrue(() -> bytes.get() >= 5);
    client.write(ascii("second")).join();
    awaitTrue(() -> bytes.get() >= 11);

    assertThat(client.isOpen()).isTrue();
    assertThat(seen).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
  }

  @Test
  void framesSplitAcrossReadsAreReassembledByTheCoreFrameAssembler() throws Exception {
    TcpLinkServer server = echoServer();
    List<String> frames = new CopyOnWriteArrayList<>();
    // A length-prefixed test protocol: one length byte, then that many ASCII bytes.
    FrameDecoder<String> decoder = in -> {
      if (in.readableBytes() < 1 || in.readableBytes() < 1 + in.getUnsignedByte(in.readerIndex())) {
        return null;
      }
      int length = in.readUnsignedByte();
      return in.readCharSequence(length, US_ASCII).toString();
    };
    Recorder states = new Recorder();
    try (FrameAssembler<String> assembler =
        new FrameAssembler<>(decoder, frames::add, states)) {
      TcpClientLink client = client(server.port(), FAST, new Recorder());
      client.setListener(assembler);
      client.open().join();

      // Two frames cut in three writes, the cuts falling inside the frames.
      client.write(Unpooled.copiedBuffer(new byte[] {5, 'h', 'e'})).join();
      client.write(Unpooled.copiedBuffer(new byte[] {'l', 'l', 'o', 4, 'm'})).join();
      client.write(Unpooled.copiedBuffer(new byte[] {'e', 't', 'e'})).join();
      awaitTrue(() -> frames.size() >= 2);

      assertThat(frames).containsExactly("hello", "mete");
      assertThat(states.nextEvent().kind()).isEqualTo("open");
      client.close();
    }
  }

  @Test
  void aSharedEventLoopGroupOutlivesTheLinksThatUseIt() throws Exception {
    EventLoopGroup group = NettyLinks.newGroup("shared");
    try {
      TcpLinkServer server = echoServer(TcpServerConfig.builder().eventLoopGroup(group).build());
      Recorder atClient = new Recorder();
      TcpClientLink client = new TcpClientLink(
          TcpClientConfig.builder("127.0.0.1", server.port()).eventLoopGroup(group).build());
      client.setListener(atClient);
      client.open().join();
      client.close();
      server.close();

      assertThat(group.isShuttingDown()).isFalse();
      TcpLinkServer again = echoServer(TcpServerConfig.builder().eventLoopGroup(group).build());
      client = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", again.port()).eventLoopGroup(group).build());
      client.setListener(atClient);
      cleanup.add(client);
      client.open().join();
      client.write(ascii("shared")).join();
      assertThat(new String(atClient.awaitBytes(6), US_ASCII)).isEqualTo("shared");
    } finally {
      closeEverything();
      cleanup.clear();
      NettyLinks.shutDown(group).join();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Recorder.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within " + Recorder.PATIENCE).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, US_ASCII);
  }
}
