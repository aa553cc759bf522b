package io.emms.transport.mqtt.bench;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.mqtt.MqttConnection;
import io.emms.transport.mqtt.TelemetryConsumer;
import io.emms.transport.mqtt.TelemetryMessage;
import io.emms.transport.mqtt.TelemetryPublisher;
import io.emms.transport.mqtt.TopicScheme;
import io.emms.transport.mqtt.testing.HiveMqBroker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end telemetry throughput through HiveMQ CE embedded (with its authenticator) on loopback: one gateway
 * publishes QoS 1 messages of {@code batch} readings each; {@code consumers} members of one shared subscription
 * decode, validate and de-duplicate them. Prints readings/s acknowledged and consumed and the latency from
 * {@code sentAt} (stamped when the message is built) to the consumer's listener, p50 and p99. At most
 * {@code inFlight} messages are between the gateway and the consumers at any time.
 *
 * <p>Not JMH: one publish-to-consume path through a broker is measured as a whole. Arguments (all optional):
 * {@code batch seconds consumers inFlight shared|plain}, default {@code 100 15 2 256 shared}. Run with
 * {@code ./mvnw -B -q -pl emms-transport-mqtt -am test-compile} and then
 * {@code java -cp "$(cat emms-transport-mqtt/target/bench.classpath)" io.emms.transport.mqtt.bench.TelemetryThroughput}
 * (see docs/benchmarks.md for the class path).
 */
public final class TelemetryThroughput {

  private static final int METERS = 100;

  private TelemetryThroughput() {}

  public static void main(String[] args) throws Exception {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    boolean shared = args.length <= 4 || !args[4].equals("plain");
    Path dir = Files.createTempDirectory("emms-mqtt-bench");
    try (HiveMqBroker broker = HiveMqBroker.start(dir)) {
      run(broker, batch, seconds, consumers, inFlight, shared);
    }
  }

  private static void run(HiveMqBroker broker, int batch, int seconds, int consumerCount, int inFlight, boolean shared)
      throws Exception {
    Clock clock = Clock.systemUTC();
    TopicScheme topics = TopicScheme.of("bench", "gw-bench");
    AtomicLong consumedReadings = new AtomicLong();
    LatencyLog latencies = new LatencyLog();
    // End-to-end flow control: a message leaves the window when a consumer has it, so that the broker's queue
    // cannot grow without bound and the latency is the pipeline's, not a backlog's.
    Semaphore window = new Semaphore(inFlight);
    List<MqttConnection> connections = new ArrayList<>();
    List<TelemetryConsumer> consumers = new ArrayList<>();
    for (int i = 0; i < consumerCount; i++) {
      MqttConnection c = MqttConnection.create(broker.client("bench-consumer-" + i).receiveMaximum(1024).build());
      c.connect().join();
      connections.add(c);
      String filter = shared ? TopicScheme.sharedTelemetryFilter("bench", "emms", "bench") : TopicScheme.telemetryFilter("emms", "bench");
      TelemetryConsumer consumer = new TelemetryConsumer(c, filter,
          TelemetryConsumer.DEFAULT_WINDOW, m -> {
            latencies.record(Duration.between(m.sentAt(), clock.instant()).toNanos());
            consumedReadings.addAndGet(m.readings().size());
            window.release();
          });
      consumer.start().join();
      consumers.add(consumer);
    }
    List<List<Reading>> payloads = payloads(batch);
    AtomicLong acked = new AtomicLong();
    try (TelemetryPublisher gateway = TelemetryPublisher.create(broker.client("bench-gateway").maxPending(inFlight * 2).build(), topics, clock)) {
      gateway.start().join();
      long warmupEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
      long ackedAtStart = 0;
      long consumedAtStart = 0;
      boolean measuring = false;
      for (long n = 0; System.nanoTime() < end; n++) {
        if (!measuring && System.nanoTime() >= warmupEnd) {
          measuring = true;
          ackedAtStart = acked.get();
          consumedAtStart = consumedReadings.get();
          latencies.reset();
        }
        window.acquire();
        int meter = (int) (n % METERS);
        TelemetryMessage message = new TelemetryMessage(UUID.randomUUID().toString(), "gw-bench", "m" + meter, "modbus",
            clock.instant(), payloads.get(meter));
        gateway.publish(message).whenComplete((v, e) -> {
          if (e == null) {
            acked.addAndGet(batch);
          } else {
            window.release();
          }
        });
      }
      long ackedReadings = acked.get() - ackedAtStart;
      long consumed = consumedReadings.get() - consumedAtStart;
      long duplicates = consumers.stream().mapToLong(TelemetryConsumer::duplicates).sum();
      long rejected = consumers.stream().mapToLong(TelemetryConsumer::rejected).sum();
      System.out.printf("batch %d readings/message, %d consumer(s) %s, %d messages in flight, %d s measured%n",
          batch, consumerCount, shared ? "in one shared subscription" : "each subscribed to all", inFlight, seconds);
      System.out.printf("published (broker-acknowledged): %,.0f readings/s (%,.0f messages/s)%n",
          ackedReadings / (double) seconds, ackedReadings / (double) batch / seconds);
      System.out.printf("consumed (decoded, validated, de-duplicated): %,.0f readings/s%n", consumed / (double) seconds);
      System.out.printf("latency sentAt -> consumer: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d messages)%n",
          latencies.percentile(50) / 1e6, latencies.percentile(99) / 1e6, latencies.percentile(100) / 1e6, latencies.count());
      System.out.printf("duplicates dropped %d, rejected %d%n", duplicates, rejected);
    } finally {
      connections.forEach(MqttConnection::close);
    }
  }

  /** {@code batch} registers of each meter, read at one instant as a gateway reads a meter. */
  private static List<List<Reading>> payloads(int batch) {
    Instant t = Instant.parse("2026-12-03T15:00:00Z");
    List<List<Reading>> out = new ArrayList<>(METERS);
    for (int m = 0; m < METERS; m++) {
      List<Reading> readings = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        readings.add(Reading.valid("m" + m, Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, i % 64),
            BigDecimal.valueOf(100_000 + i, 2), t.plusSeconds(m)));
      }
      out.add(List.copyOf(readings));
    }
    return out;
  }

  /** Latencies in nanoseconds, kept whole so that percentiles are exact. */
  private static final class LatencyLog {
    private long[] values = new long[1 << 16];
    private int count;

    synchronized void record(long nanos) {
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = nanos;
    }

    synchronized void reset() {
      count = 0;
    }

    synchronized int count() {
      return count;
    }

    synchronized long percentile(int p) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(values, count);
      Arrays.sort(sorted);
      return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
    }
  }
}
