package io.emms.benchmarks.dtu;

import io.emms.transport.dtu.DtuFraming;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DTU side of the scale benchmark, in a JVM of its own so that its CPU and heap are not the server's: many DTU
 * connections on one event loop thread, from several 127.0.0.x source addresses, each registering, heartbeating at
 * its interval (phases spread at random) and answering every DL/T 645 read with the reply recorded once from the
 * simulator (a shared buffer, so answering allocates nothing). It prints its own CPU time at the end.
 *
 * <pre>
 * java -cp benchmarks.jar io.emms.benchmarks.dtu.DtuLoadGenerator --port=9000 --first=0 --count=19000 \
 *     --sources=4 --source-base=2 --heartbeat=30 --duration=300
 * </pre>
 */
public final class DtuLoadGenerator {

  private static final int CONNECTS_IN_FLIGHT = 256;
  private static final int DLT645_OVERHEAD = 12;
  private static final int LENGTH_OFFSET = 9;

  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong answered = new AtomicLong();
  private final ByteBuf reply = Unpooled.unreleasableBuffer(
      Unpooled.directBuffer().writeBytes(MeterReply.record()));
  private final DtuFraming framing;
  private final Duration heartbeat;

  private DtuLoadGenerator(DtuFraming framing, Duration heartbeat) {
    this.framing = framing;
    this.heartbeat = heartbeat;
  }

  public static void main(String[] args) throws Exception {
    ScaleOptions options = new ScaleOptions(args);
    DtuLoadGenerator generator = new DtuLoadGenerator(
        DtuFraming.named(options.text("framing", DtuFraming.DEFAULT)), options.seconds("heartbeat", 30));
    generator.run(options);
  }

  private void run(ScaleOptions options) throws InterruptedException {
    int first = options.number("first", 0);
    int count = options.number("count", 1000);
    int sources = options.number("sources", 4);
    int sourceBase = options.number("source-base", 2);
    InetSocketAddress server = new InetSocketAddress(options.text("host", "127.0.0.1"), options.number("port", 9000));
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
    Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
    long cpuStart = cpuNanos();
    for (int i = first; i < first + count; i++) {
      inFlight.acquire();
      String id = ScaleOptions.dtuId(i);
      InetSocketAddress source = new InetSocketAddress("127.0.0." + (sourceBase + i % sources), 0);
      ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel ch) {
          ch.pipeline().addLast(new SimulatedDtu(id));
        }
      }).connect(server, source);
      connect.addListener(f -> {
        inFlight.release();
        if (!f.isSuccess()) {
          failed.incrementAndGet();
        }
      });
    }
    System.out.printf("LOADGEN dialled %d (failed %d) in %.1f s of CPU%n",
        count, failed.get(), (cpuNanos() - cpuStart) / 1e9);
    long end = System.nanoTime() + options.seconds("duration", 300).toNanos();
    while (System.nanoTime() < end) {
      TimeUnit.SECONDS.sleep(5);
      System.out.printf("LOADGEN connected=%d failed=%d answered=%d cpu=%.1fs%n",
          connected.get(), failed.get(), answered.get(), (cpuNanos() - cpuStart) / 1e9);
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One DTU: registers, heartbeats, answers each whole DL/T 645 request with the recorded reply. */
  private final class SimulatedDtu extends ByteToMessageDecoder {
    private final String id;
    private ScheduledFuture<?> heartbeats;

    SimulatedDtu(String id) {
      this.id = id;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      connected.incrementAndGet();
      ctx.writeAndFlush(Unpooled.wrappedBuffer(framing.registrationPacket(id)));
      byte[] beat = framing.heartbeatPacket();
      long period = heartbeat.toNanos();
      heartbeats = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(Unpooled.wrappedBuffer(beat)),
          ThreadLocalRandom.current().nextLong(period), period, TimeUnit.NANOSECONDS);
      ctx.fireChannelActive();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      boolean answeredAny = false;
      while (true) {
        while (in.isReadable() && in.getUnsignedByte(in.readerIndex()) == 0xFE) {
          in.skipBytes(1);
        }
        if (in.readableBytes() <= LENGTH_OFFSET) {
          break;
        }
        int frame = DLT645_OVERHEAD + in.getUnsignedByte(in.readerIndex() + LENGTH_OFFSET);
        if (in.readableBytes() < frame) {
          break;
        }
        in.skipBytes(frame);
        ctx.write(reply.duplicate());
        answered.incrementAndGet();
        answeredAny = true;
      }
      if (answeredAny) {
        ctx.flush();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      connected.decrementAndGet();
      if (heartbeats != null) {
        heartbeats.cancel(false);
      }
      super.channelInactive(ctx);
    }
  }
}
