package io.emms.transport.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving side of telemetry: subscribes (plainly or as a member of a shared subscription), decodes and
 * validates each payload, drops redeliveries whose message id it has seen, and hands the rest to a listener.
 * A payload that breaks the schema goes to {@link Listener#onRejected} and is counted; it never stops the
 * consumer. Members of one shared subscription each keep their own window of ids.
 */
public final class TelemetryConsumer {

  /** Receives decoded telemetry; called on the connection's callback thread. */
  public interface Listener {

    /** A new (not yet seen) valid message. */
    void onTelemetry(TelemetryMessage message);

    /** A message whose payload or {@code schema} user property is not valid telemetry. */
    default void onRejected(String topic, TelemetryFormatException error) {}
  }

  /** The default number of message ids remembered for de-duplication. */
  public static final int DEFAULT_WINDOW = 100_000;

  private final MqttConnection connection;
  private final String filter;
  private final MessageIdWindow window;
  private final Listener listener;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /**
   * @param connection the connection to subscribe on; the caller connects and closes it
   * @param filter e.g. {@link TopicScheme#telemetryFilter} or {@link TopicScheme#sharedTelemetryFilter}
   * @param window how many message ids to remember
   */
  public TelemetryConsumer(MqttConnection connection, String filter, int window, Listener listener) {
    this.connection = connection;
    this.filter = filter;
    this.window = new MessageIdWindow(window);
    this.listener = listener;
  }

  /** Subscribes at QoS 1. */
  public CompletableFuture<Void> start() {
    return connection.subscribe(filter, 1, this::onMessage);
  }

  private void onMessage(MqttMessage message) {
    TelemetryMessage telemetry;
    try {
      String schema = message.userProperties().get("schema");
      if (schema != null && !schema.equals(TelemetryCodec.SCHEMA)) {
        throw new TelemetryFormatException("user property schema is '" + schema + "', expected '" + TelemetryCodec.SCHEMA + "'");
      }
      telemetry = TelemetryCodec.decode(message.payload());
    } catch (TelemetryFormatException e) {
      rejected.incrementAndGet();
      listener.onRejected(message.topic(), e);
      return;
    }
    if (!window.firstSeen(telemetry.messageId())) {
      duplicates.incrementAndGet();
      return;
    }
    accepted.incrementAndGet();
    listener.onTelemetry(telemetry);
  }

  /** Messages passed to the listener. */
  public long accepted() {
    return accepted.get();
  }

  /** Redeliveries dropped. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Payloads that broke the schema. */
  public long rejected() {
    return rejected.get();
  }
}
