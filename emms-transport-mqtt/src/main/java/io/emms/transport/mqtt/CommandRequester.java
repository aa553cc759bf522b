package io.emms.transport.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head-end side of commands: sends a {@link MeterCommand} as an MQTT 5 request (Response Topic, Correlation
 * Data, Message Expiry Interval = the time to live, and the absolute deadline in the payload) and completes with
 * the gateway's {@link CommandOutcome}. Without a response by the deadline plus a grace period it completes
 * {@link CommandOutcome.Status#UNANSWERED}.
 */
public final class CommandRequester implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandRequester.class);

  private final MqttConnection connection;
  private final String replyTopic;
  private final Duration grace;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "emms-mqtt-command-timer");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param connection a connection whose client id names this requester's reply topic
   * @param replies the scheme whose {@link TopicScheme#replies} topic receives the responses
   * @param grace how long after a deadline a response is still awaited (gateway processing, transit)
   */
  public CommandRequester(MqttConnection connection, TopicScheme replies, Duration grace) {
    this.connection = connection;
    this.replyTopic = replies.replies(connection.config().clientId());
    this.grace = grace;
  }

  /** Subscribes to the reply topic; call once before sending. */
  public CompletableFuture<Void> start() {
    return connection.subscribe(replyTopic, 1, this::onResponse);
  }

  /**
   * Sends a command to a meter of the gateway that {@code gateway} describes.
   *
   * @param timeToLive how long the command may still be executed; it becomes the Message Expiry Interval
   */
  public CompletableFuture<CommandOutcome> send(TopicScheme gateway, MeterCommand command, Duration timeToLive) {
    Instant deadline = Instant.now().plus(timeToLive);
    byte[] correlation = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    String key = HexFormat.of().formatHex(correlation);
    Waiting w = new Waiting(command.meterId(), new CompletableFuture<>());
    waiting.put(key, w);
    long giveUpMillis = timeToLive.plus(grace).toMillis();
    timer.schedule(() -> expire(key, deadline), giveUpMillis, TimeUnit.MILLISECONDS);
    connection.publish(MqttMessage.builder(gateway.command(command.meterId(), command.name()),
            CommandJson.encodeRequest(command, deadline))
        .qos(1).responseTopic(replyTopic).correlationData(correlation).expiry(timeToLive).build())
        .exceptionally(e -> {
          if (waiting.remove(key) != null) {
            w.outcome.complete(CommandOutcome.of(CommandOutcome.Status.FAILED, "not sent: " + e.getMessage()));
          }
          return null;
        });
    return w.outcome;
  }

  private void expire(String key, Instant deadline) {
    Waiting w = waiting.remove(key);
    if (w != null) {
      w.outcome.complete(CommandOutcome.of(CommandOutcome.Status.UNANSWERED,
          "no response by " + deadline.plus(grace) + " (deadline " + deadline + "); whether the meter acted is unknown"));
    }
  }

  private void onResponse(MqttMessage response) {
    String key = response.correlationData().map(HexFormat.of()::formatHex).orElse(null);
    Waiting w = key == null ? null : waiting.remove(key);
    if (w == null) {
      log.debug("response on {} matches no waiting command (late, or not ours)", response.topic());
      return;
    }
    try {
      w.outcome.complete(CommandJson.decodeOutcome(response.payload(), w.meterId));
    } catch (TelemetryFormatException e) {
      w.outcome.complete(CommandOutcome.of(CommandOutcome.Status.FAILED, "unreadable response: " + e.getMessage()));
    }
  }

  /** Stops the timer; commands still waiting complete {@code UNANSWERED}. */
  @Override
  public void close() {
    timer.shutdownNow();
    waiting.forEach((key, w) -> w.outcome.complete(CommandOutcome.of(CommandOutcome.Status.UNANSWERED, "requester closed")));
    waiting.clear();
  }

  private record Waiting(String meterId, CompletableFuture<CommandOutcome> outcome) {}
}
