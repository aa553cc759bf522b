package io.emms.transport.mqtt;

import io.emms.core.reading.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of telemetry: publishes readings at QoS 1 under a {@link TopicScheme}, with the user
 * properties {@code schema} and {@code protocol}, and keeps the gateway's retained {@code status} topic true:
 * {@code {"online":true}} after every CONNACK, {@code {"online":false}} as Last-Will and on a clean close.
 *
 * <p>Each message gets a fresh UUID as message id. Publishing is at least once (see {@link MqttConnection}); a
 * consumer de-duplicates by that id.
 */
public final class TelemetryPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelemetryPublisher.class);

  private final MqttConnection connection;
  private final TopicScheme topics;
  private final Clock clock;

  private TelemetryPublisher(MqttConnection connection, TopicScheme topics, Clock clock) {
    this.connection = connection;
    this.topics = topics;
    this.clock = clock;
    connection.addConnectionListener(new MqttConnectionListener() {
      @Override
      public void onConnected(boolean reconnect) {
        connection.publish(status(true)).exceptionally(e -> {
          log.warn("{}: could not publish the online status", topics.gateway(), e);
          return null;
        });
      }
    });
  }

  /** A publisher that owns a connection made from {@code config} with the gateway's Last-Will added. */
  public static TelemetryPublisher create(MqttClientConfig config, TopicScheme topics) {
    return create(config, topics, Clock.systemUTC());
  }

  /** As {@link #create(MqttClientConfig, TopicScheme)}, stamping {@code sentAt} from {@code clock}. */
  public static TelemetryPublisher create(MqttClientConfig config, TopicScheme topics, Clock clock) {
    MqttClientConfig withWill = config.withWill(statusMessage(topics, false));
    return new TelemetryPublisher(MqttConnection.create(withWill), topics, clock);
  }

  /** The retained status message the gateway publishes (online) and leaves as its Last-Will (offline). */
  public static MqttMessage statusMessage(TopicScheme topics, boolean online) {
    String json = "{\"online\":" + online + ",\"gateway\":\"" + topics.gateway() + "\"}";
    return MqttMessage.builder(topics.status(), json.getBytes(StandardCharsets.UTF_8)).qos(1).retained(true).build();
  }

  /** Connects; the online status follows the CONNACK. */
  public CompletableFuture<Void> start() {
    return connection.connect();
  }

  public TopicScheme topics() {
    return topics;
  }

  /**
   * Publishes readings, one message per meter.
   *
   * @param protocol how the readings were read, e.g. {@code dlt645-2007}, {@code modbus}
   * @return completes when the broker acknowledged every message
   */
  public CompletableFuture<Void> publish(String protocol, List<Reading> readings) {
    Map<String, List<Reading>> byMeter = new LinkedHashMap<>();
    readings.forEach(r -> byMeter.computeIfAbsent(r.meterId(), m -> new ArrayList<>()).add(r));
    List<CompletableFuture<Void>> sent = new ArrayList<>(byMeter.size());
    byMeter.forEach((meter, rs) -> sent.add(publish(new TelemetryMessage(
        UUID.randomUUID().toString(), topics.gateway(), meter, protocol, clock.instant(), rs))));
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
  }

  /** Publishes one prepared message under its meter's telemetry topic. */
  public CompletableFuture<Void> publish(TelemetryMessage message) {
    return connection.publish(MqttMessage.builder(topics.telemetry(message.meterId()), TelemetryCodec.encode(message))
        .qos(1)
        .userProperties(Map.of("schema", TelemetryCodec.SCHEMA, "protocol", message.protocol()))
        .build());
  }

  /** Publishes the offline status, then disconnects cleanly. */
  @Override
  public void close() {
    if (connection.isConnected()) {
      connection.publish(status(false)).exceptionally(e -> null).join();
    }
    connection.close();
  }

  private MqttMessage status(boolean online) {
    return statusMessage(topics, online);
  }
}
