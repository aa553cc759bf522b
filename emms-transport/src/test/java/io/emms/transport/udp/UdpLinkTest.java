package io.emms.transport.udp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.LinkException;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class UdpLinkTest {

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();

  private record Peer(UdpPeerLink link, Recorder recorder) {}

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private UdpLinkServer echoServer(UdpServerConfig config) {
    UdpLinkServer server = new UdpLinkServer(config, link -> {
      Recorder recorder = new Recorder();
      link.setListener(recorder.echoingOn(link));
      peers.add(new Peer(link, recorder));
    });
    cleanup.add(server);
    server.start().join();
    return server;
  }

  private UdpLinkServer echoServer() {
    return echoServer(UdpServerConfig.defaults());
  }

  private UdpLink client(int port, Recorder recorder) {
    UdpLink link = new UdpLink(UdpConfig.builder("127.0.0.1", port).build());
    link.setListener(recorder);
    cleanup.add(link);
    link.open().join();
    return link;
  }

  private Peer nextPeer() throws InterruptedException {
    Peer next = peers.poll(Recorder.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(next).as("a new peer").isNotNull();
    return next;
  }

  @Test
  void eachDatagramIsOneDeliveryBothWays() throws Exception {
    UdpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    UdpLink client = client(server.port(), atClient);

    client.write(ascii("one")).join();
    client.write(ascii("two two")).join();
    client.write(ascii("three three three")).join();

    assertThat(atClient.awaitMessages(3)).extracting(bytes -> new String(bytes, US_ASCII))
        .containsExactlyInAnyOrder("one", "two two", "three three three");
    assertThat(nextPeer().recorder().awaitMessages(3)).hasSize(3);
    assertThat(server.peers()).hasSize(1);
  }

  @Test
  void aLargeDatagramArrivesWhole() throws Exception {
    UdpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    UdpLink client = client(server.port(), atClient);
    byte[] payload = new byte[1400];
    new Random(502).nextBytes(payload);

    client.write(Unpooled.wrappedBuffer(payload)).join();

    assertThat(atClient.awaitMessages(1)).singleElement().isEqualTo(payload);
  }

  @Test
  void everyPeerGetsItsOwnLinkAndOnlyItsOwnReplies() throws Exception {
    UdpLinkServer server = echoServer();
    Recorder atFirst = new Recorder();
    Recorder atSecond = new Recorder();
    UdpLink first = client(server.port(), atFirst);
    UdpLink second = client(server.port(), atSecond);

    first.write(ascii("first")).join();
    Peer firstPeer = nextPeer();
    second.write(ascii("second")).join();
    Peer secondPeer = nextPeer();

    assertThat(new String(atFirst.awaitMessages(1).get(0), US_ASCII)).isEqualTo("first");
    assertThat(new String(atSecond.awaitMessages(1).get(0), US_ASCII)).isEqualTo("second");
    assertThat(firstPeer.link().remoteAddress().getPort()).isEqualTo(first.localAddress().getPort());
    assertThat(secondPeer.link().remoteAddress().getPort()).isEqualTo(second.localAddress().getPort());
    assertThat(server.peers()).containsExactlyInAnyOrder(firstPeer.link(), secondPeer.link());
  }

  @Test
  void aMissingPeerDoesNotCloseTheLink() throws Exception {
    int port = freeUdpPort();
    Recorder atClient = new Recorder();
    UdpLink client = client(port, atClient);

    client.write(ascii("anyone?")).join();
    client.write(ascii("anyone?")).join();
    assertThat(client.isOpen()).isTrue();

    echoServer(UdpServerConfig.builder().port(port).build());
    client.write(ascii("now")).join();

    assertThat(new String(atClient.awaitMessages(1).get(0), US_ASCII)).isEqualTo("now");
    assertThat(atClient.pendingEvents()).extracting(Recorder.Event::kind).containsExactly("open");
  }

  @Test
  void datagramsFromStrangersAreDropped() throws Exception {
    UdpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    UdpLink client = client(server.port(), atClient);
    try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      byte[] spoof = "spoof".getBytes(US_ASCII);
      stranger.send(new java.net.DatagramPacket(
          spoof, spoof.length, InetAddress.getLoopbackAddress(), client.localAddress().getPort()));
    }

    client.write(ascii("real")).join();

    assertThat(atClient.awaitMessages(1)).extracting(bytes -> new String(bytes, US_ASCII)).containsExactly("real");
  }

  @Test
  void idlePeersAreForgottenAndComeBackAsNewLinks() throws Exception {
    UdpLinkServer server = echoServer(UdpServerConfig.builder().peerIdleTimeout(Duration.ofMillis(200)).build());
    UdpLink client = client(server.port(), new Recorder());

    client.write(ascii("hello")).join();
    Peer peer = nextPeer();
    assertThat(peer.recorder().nextEvent().kind()).isEqualTo("open");
    Recorder.Event forgotten = peer.recorder().nextEvent();

    assertThat(forgotten.kind()).isEqualTo("closed");
    assertThat(forgotten.cause()).isInstanceOf(LinkException.class).hasMessageContaining("not heard");
    assertThat(peer.link().isOpen()).isFalse();
    client.write(ascii("again")).join();
    Peer again = nextPeer();
    assertThat(again.link()).isNotSameAs(peer.link());
    assertThat(new String(again.recorder().awaitMessages(1).get(0), US_ASCII)).isEqualTo("again");
  }

  @Test
  void datagramsFromPeersOverTheLimitAreDropped() throws Exception {
    UdpLinkServer server = echoServer(UdpServerConfig.builder().maxPeers(1).build());
    Recorder atFirst = new Recorder();
    client(server.port(), atFirst).write(ascii("in")).join();
    atFirst.awaitMessages(1);

    client(server.port(), new Recorder()).write(ascii("out")).join();
    awaitTrue(() -> server.droppedDatagrams() == 1);

    assertThat(server.peers()).hasSize(1);
    assertThat(peers).hasSize(1);
  }

  @Test
  void stoppingTheServerClosesEveryPeerLink() throws Exception {
    UdpLinkServer server = echoServer();
    client(server.port(), new Recorder()).write(ascii("x")).join();
    Peer peer = nextPeer();
    assertThat(peer.recorder().nextEvent().kind()).isEqualTo("open");

    server.close();

    Recorder.Event closed = peer.recorder().nextEvent();
    assertThat(closed.kind()).isEqualTo("closed");
    assertThat(closed.cause()).isNull();
    ByteBuf late = ascii("late");
    assertThatThrownBy(() -> peer.link().write(late).join()).hasCauseInstanceOf(LinkException.class);
    assertThat(late.refCnt()).isZero();
    assertThat(server.peers()).isEmpty();
  }

  @Test
  void aPeerLinkClosedByTheHandlerSideIsForgotten() throws Exception {
    UdpLinkServer server = echoServer();
    UdpLink client = client(server.port(), new Recorder());
    client.write(ascii("x")).join();
    Peer peer = nextPeer();

    peer.link().close();

    assertThat(server.peers()).isEmpty();
    assertThatThrownBy(() -> peer.link().open().join()).hasCauseInstanceOf(LinkException.class);
  }

  @Test
  void clientWriteAfterCloseFailsAndReopenWorks() throws Exception {
    UdpLinkServer server = echoServer();
    Recorder atClient = new Recorder();
    UdpLink client = client(server.port(), atClient);
    client.close();
    client.close();

    ByteBuf data = ascii("closed");
    CompletableFuture<Void> write = client.write(data);
    assertThatThrownBy(write::join).hasCauseInstanceOf(LinkException.class);
    assertThat(data.refCnt()).isZero();

    client.open().join();
    client.write(ascii("reopened")).join();
    assertThat(new String(atClient.awaitMessages(1).get(0), US_ASCII)).isEqualTo("reopened");
    assertThat(atClient.pendingEvents()).extracting(Recorder.Event::kind).containsExactly("open", "closed", "open");
  }

  @Test
  void serverBindsToLoopbackByDefault() {
    assertThat(UdpServerConfig.defaults().bindAddress()).isEqualTo("127.0.0.1");

    UdpLinkServer server = echoServer();

    assertThat(server.localAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  private static int freeUdpPort() throws SocketException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
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
