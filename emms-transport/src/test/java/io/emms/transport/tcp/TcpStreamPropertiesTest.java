package io.emms.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.transport.Recorder;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever way a payload is cut into writes, the peer receives the same bytes in the same order. */
class TcpStreamPropertiesTest {

  private static TcpLinkServer server;
  private static final List<Recorder> received = new ArrayList<>();

  @BeforeContainer
  static void startServer() {
    server = new TcpLinkServer(TcpServerConfig.defaults(), link -> {
      Recorder recorder = new Recorder();
      synchronized (received) {
        received.add(recorder);
        received.notifyAll();
      }
      link.setListener(recorder);
    });
    server.start().join();
  }

  @AfterContainer
  static void stopServer() {
    server.close();
  }

  @Property(tries = 25, seed = "645")
  void anySplitOfAPayloadArrivesIntactAndInOrder(
      @ForAll @Size(min = 1, max = 20_000) byte[] payload,
      @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 4096) Integer> cuts) throws Exception {
    try (TcpClientLink client = new TcpClientLink(
        TcpClientConfig.builder("127.0.0.1", server.port()).reconnect(ReconnectPolicy.never()).build())) {
      int before;
      synchronized (received) {
        before = received.size();
      }
      client.open().join();
      Recorder atServer = awaitConnection(before);

      List<CompletableFuture<Void>> writes = new ArrayList<>();
      int offset = 0;
      for (int i = 0; offset < payload.length; i++) {
        int size = Math.min(cuts.get(i % cuts.size()), payload.length - offset);
        writes.add(client.write(Unpooled.copiedBuffer(payload, offset, size)));
        offset += size;
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

      assertThat(atServer.awaitBytes(payload.length)).isEqualTo(payload);
    }
  }

  private static Recorder awaitConnection(int before) throws InterruptedException {
    long deadline = System.nanoTime() + Recorder.PATIENCE.toNanos();
    synchronized (received) {
      while (received.size() <= before) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        assertThat(left).as("a connection within " + Recorder.PATIENCE).isPositive();
        received.wait(left);
      }
      return received.get(before);
    }
  }
}
