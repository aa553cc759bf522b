package io.emms.transport.bench;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import io.emms.transport.udp.UdpLinkServer;
import io.emms.transport.udp.UdpServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One meter-sized request (16 bytes, about a DL/T 645 read) written by a client link, echoed by a server link and
 * delivered back to the client's listener, over loopback. Run with {@code -prof gc} to see the bytes allocated
 * per round trip by the links and Netty together. Client and server share one event loop thread, so the run
 * needs two threads in all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinkRoundTripBenchmark {

  private static final int FRAME = 16;

  @Param({"tcp", "udp"})
  public String transport;

  private final AtomicLong received = new AtomicLong();
  private EventLoopGroup group;
  private AutoCloseable server;
  private Link client;
  private ByteBuf frame;

  @Setup(Level.Trial)
  public void setUp() {
    group = NettyLinks.newGroup("bench");
    LinkListener counter = data -> received.addAndGet(data.readableBytes());
    if (transport.equals("tcp")) {
      TcpLinkServer tcp = new TcpLinkServer(
          TcpServerConfig.builder().eventLoopGroup(group).build(), link -> link.setListener(echo(link)));
      server = tcp;
      tcp.start().join();
      client = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", tcp.port()).eventLoopGroup(group).build());
    } else {
      UdpLinkServer udp = new UdpLinkServer(
          UdpServerConfig.builder().eventLoopGroup(group).build(), link -> link.setListener(echo(link)));
      server = udp;
      udp.start().join();
      client = new UdpLink(UdpConfig.builder("127.0.0.1", udp.port()).eventLoopGroup(group).build());
    }
    client.setListener(counter);
    client.open().join();
    frame = PooledByteBufAllocator.DEFAULT.directBuffer(FRAME);
    frame.writeBytes(new byte[] {0x68, 1, 2, 3, 4, 5, 6, 0x68, 0x11, 4, 0x33, 0x33, 0x34, 0x33, 0x1E, 0x16});
  }

  private static LinkListener echo(Link link) {
    return data -> link.write(data.retain());
  }

  @Benchmark
  public long roundTrip() {
    long target = received.get() + FRAME;
    client.write(frame.retainedDuplicate());
    long now;
    while ((now = received.get()) < target) {
      Thread.onSpinWait();
    }
    return now;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    client.close();
    server.close();
    frame.release();
    NettyLinks.shutDown(group).join();
  }
}
