package io.emms.transport.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of commands: subscribes to {@link TopicScheme#commandFilter()}, and for each request carries
 * it out through a {@link CommandHandler} and publishes the {@link CommandOutcome} to the request's Response
 * Topic with its Correlation Data.
 *
 * <p>A request whose deadline has passed by the gateway's clock when it arrives is answered {@code EXPIRED} and
 * never handed to the handler: a command delayed in a queue must not act late. (The broker also discards it once
 * its Message Expiry Interval runs out.) A request without a Response Topic cannot be answered and is dropped
 * unexecuted; one that is not valid JSON is answered {@code REFUSED}.
 */
public final class CommandResponder {

  private static final Logger log = LoggerFactory.getLogger(CommandResponder.class);

  private final MqttConnection connection;
  private final TopicScheme topics;
  private final CommandHandler handler;
  private final Clock clock;

  public CommandResponder(MqttConnection connection, TopicScheme topics, CommandHandler handler) {
    this(connection, topics, handler, Clock.systemUTC());
  }

  /** As the other constructor, judging deadlines by {@code clock}. */
  public CommandResponder(MqttConnection connection, TopicScheme topics, CommandHandler handler, Clock clock) {
    this.connection = connection;
    this.topics = topics;
    this.handler = handler;
    this.clock = clock;
  }

  /** Subscribes to this gateway's command topics at QoS 1. */
  public CompletableFuture<Void> start() {
    return connection.subscribe(topics.commandFilter(), 1, this::onRequest);
  }

  private void onRequest(MqttMessage request) {
    if (request.responseTopic().isEmpty()) {
      log.warn("{}: command on {} has no response topic; not executed", topics.gateway(), request.topic());
      return;
    }
    CommandJson.Request parsed;
    try {
      parsed = CommandJson.decodeRequest(request.payload());
    } catch (TelemetryFormatException e) {
      respond(request, CommandOutcome.of(CommandOutcome.Status.REFUSED, "malformed command: " + e.getMessage()));
      return;
    }
    Instant now = clock.instant();
    if (!parsed.deadline().isAfter(now)) {
      respond(request, CommandOutcome.of(CommandOutcome.Status.EXPIRED,
          "arrived at " + now + ", after its deadline " + parsed.deadline() + "; not executed"));
      return;
    }
    CompletableFuture<CommandOutcome> outcome;
    try {
      outcome = handler.handle(parsed.command(), parsed.deadline());
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    outcome.exceptionally(e -> CommandOutcome.of(CommandOutcome.Status.FAILED, String.valueOf(e.getMessage())))
        .thenAccept(o -> respond(request, o));
  }

  private void respond(MqttMessage request, CommandOutcome outcome) {
    MqttMessage.Builder response = MqttMessage.builder(request.responseTopic().orElseThrow(), CommandJson.encodeOutcome(outcome)).qos(1);
    request.correlationData().ifPresent(response::correlationData);
    connection.publish(response.build()).exceptionally(e -> {
      log.warn("{}: could not publish the response to {}", topics.gateway(), request.topic(), e);
      return null;
    });
  }
}
