package io.emms.benchmarks.dtu;

import com.sun.management.OperatingSystemMXBean;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.transport.dtu.DtuFraming;
import io.emms.transport.dtu.DtuServer;
import io.emms.transport.dtu.DtuServerConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the DTU scale benchmark (run by {@code benchmarks/dtu-scale.sh}, with
 * {@link DtuLoadGenerator} in other JVMs): one {@link DtuServer} and, per expected DTU, a DL/T 645 master on its
 * {@code dtu://ID} link, made before the DTUs dial in. Once all have registered it measures the heap per
 * connection, then polls every DTU once per interval (spread evenly over the interval), one interval to warm up and then for the measuring time and
 * reports polls per second, p50/p99 latency and this process's CPU. A soak of a server holding connections rather
 * than a JMH microbenchmark: what matters is steady state over minutes, not one operation.
 */
public final class DtuScaleServer {

  private static final long TICK_MILLIS = 10;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public static void main(String[] args) throws Exception {
    new DtuScaleServer().run(new ScaleOptions(args));
  }

  private void run(ScaleOptions options) throws Exception {
    int dtus = options.number("dtus", 1000);
    Duration interval = options.seconds("interval", 30);
    Duration measure = options.seconds("measure", 120);
    long heapBefore = heapAfterGc();

    DtuServer server = new DtuServer(DtuServerConfig.builder()
        .port(options.number("port", 0))
        .framing(DtuFraming.named(options.text("framing", DtuFraming.DEFAULT)))
        .heartbeatInterval(options.seconds("heartbeat", 30))
        .registrationDeadline(Duration.ofSeconds(60))
        .maxConnections(dtus + 100)
        .build());
    int port = server.start().join().getPort();
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    timers.setRemoveOnCancelPolicy(true);
    Dlt645ClientConfig config = Dlt645ClientConfig.builder().responseTimeout(Duration.ofSeconds(10))
        .retry(Dlt645RetryPolicy.NONE).scheduler(timers).executor(Runnable::run).build();
    Dlt645Client[] masters = new Dlt645Client[dtus];
    for (int i = 0; i < dtus; i++) {
      masters[i] = Dlt645Client.create(server.link(ScaleOptions.dtuId(i)), config);
      masters[i].connect();
    }
    System.out.println("READY " + port);

    long waitEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.number("connect-timeout", 900));
    while (server.stats().online() < dtus && System.nanoTime() < waitEnd) {
      TimeUnit.SECONDS.sleep(5);
      System.out.println("registered " + server.stats().online() + " of " + dtus);
    }
    int online = server.stats().online();
    long heapConnected = heapAfterGc();
    long directConnected = directMemory();
    System.out.printf("online %d; heap before %.1f MiB, with them %.1f MiB: %.0f bytes per DTU; "
            + "direct buffers %.1f MiB%n", online, mib(heapBefore), mib(heapConnected),
        (heapConnected - heapBefore) / (double) Math.max(1, online), mib(directConnected));

    pollInto(masters, interval, interval, new LatencyHistogram());
    long warmupPolls = answered.get();
    System.out.printf("warm-up: sent %d answered %d failed %d%n", sent.get(), answered.get(), failed.get());
    sent.set(0);
    answered.set(0);
    failed.set(0);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long gc0 = gcMillis();
    long wall0 = System.nanoTime();
    LatencyHistogram measured = new LatencyHistogram();
    pollInto(masters, interval, measure, measured);
    double seconds = (System.nanoTime() - wall0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf("RESULT dtus=%d online=%d interval=%ds measured=%.0fs sent=%d answered=%d failed=%d "
            + "polls/s=%.0f p50=%.2fms p99=%.2fms cpu=%.1fs (%.0f%% of one core) gc=%dms heartbeats=%d "
            + "heap/DTU=%.0fB heap-after=%.1fMiB warmup-polls=%d%n",
        dtus, server.stats().online(), interval.toSeconds(), seconds, sent.get(), answered.get(), failed.get(),
        answered.get() / seconds, measured.percentile(0.5) / 1000.0, measured.percentile(0.99) / 1000.0,
        cpu, 100 * cpu / seconds, gcMillis() - gc0, server.stats().heartbeats(),
        (heapConnected - heapBefore) / (double) Math.max(1, online), mib(heapAfterGc()), warmupPolls);
    server.closeAsync().get(60, TimeUnit.SECONDS);
    timers.shutdownNow();
  }

  /** Polls each master once per interval, a slice every tick, for {@code length}; then waits for the stragglers. */
  private void pollInto(Dlt645Client[] masters, Duration interval, Duration length, LatencyHistogram into)
      throws InterruptedException {
    ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1);
    long ticksPerInterval = Math.max(1, interval.toMillis() / TICK_MILLIS);
    long[] tick = {0};
    ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> {
      long t = tick[0]++;
      int from = (int) (masters.length * (t % ticksPerInterval) / ticksPerInterval);
      int to = (int) (masters.length * (t % ticksPerInterval + 1) / ticksPerInterval);
      for (int i = from; i < to; i++) {
        long start = System.nanoTime();
        sent.incrementAndGet();
        masters[i].read(MeterReply.METER, MeterReply.ENERGY).whenComplete((result, error) -> {
          if (error == null) {
            answered.incrementAndGet();
            into.record((System.nanoTime() - start) / 1000);
          } else {
            failed.incrementAndGet();
          }
        });
      }
    }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    TimeUnit.NANOSECONDS.sleep(length.toNanos());
    ticks.cancel(false);
    ticker.shutdown();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (answered.get() + failed.get() < sent.get() && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Direct memory held by Netty's default allocator (its pools), which the heap figure leaves out. */
  private static long directMemory() {
    return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
        ? provider.metric().usedDirectMemory() : -1;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
