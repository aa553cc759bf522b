package io.emms.cli.mqtt;

import io.emms.cli.command.BadInputException;
import io.emms.cli.command.UntilStopped;
import io.emms.cli.poll.ReadingFormat;
import io.emms.transport.mqtt.MqttConnection;
import io.emms.transport.mqtt.TelemetryConsumer;
import io.emms.transport.mqtt.TelemetryFormatException;
import io.emms.transport.mqtt.TelemetryMessage;
import io.emms.transport.mqtt.TopicScheme;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms mqtt listen}: consumes telemetry and prints it as {@code emms poll} does. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Consumes a tenant's telemetry, validates and de-duplicates it, and prints one JSON object per reading",
      "(meter, quantity, value, unit, quality, time) until stopped (Ctrl-C). A payload that breaks the schema",
      "is reported on stderr and counted; the listener goes on."
    })
public final class MqttListenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BrokerOptions broker;

  @Option(names = "--share", paramLabel = "GROUP",
      description = "join the shared subscription $share/GROUP/...: listeners of one group split the messages")
  String share;

  @Option(names = "--readings", paramLabel = "N", description = "stop after N readings (default: run until stopped)")
  Long limit;

  @Override
  public Integer call() throws Exception {
    String filter;
    try {
      filter = share == null ? TopicScheme.telemetryFilter(broker.root, broker.tenant)
          : TopicScheme.sharedTelemetryFilter(share, broker.root, broker.tenant);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicLong printed = new AtomicLong();
    CountDownLatch enough = new CountDownLatch(1);
    TelemetryConsumer.Listener listener = new TelemetryConsumer.Listener() {
      @Override
      public void onTelemetry(TelemetryMessage message) {
        synchronized (out) {
          message.readings().forEach(r -> out.println(ReadingFormat.NDJSON.line(message.meterId(), r)));
          out.flush();
        }
        if (limit != null && printed.addAndGet(message.readings().size()) >= limit) {
          enough.countDown();
        }
      }

      @Override
      public void onRejected(String topic, TelemetryFormatException error) {
        synchronized (err) {
          err.println("rejected a message on " + topic + ": " + error.getMessage());
          err.flush();
        }
      }
    };
    TelemetryConsumer consumer;
    try (MqttConnection connection = MqttConnection.create(broker.client("emms-listen-" + UUID.randomUUID().toString().substring(0, 8)))) {
      connection.connect().join();
      consumer = new TelemetryConsumer(connection, filter, TelemetryConsumer.DEFAULT_WINDOW, listener);
      consumer.start().join();
      err.println("listening on " + filter + " at " + broker.broker);
      err.flush();
      if (limit == null) {
        UntilStopped.await();
      } else {
        awaitQuietly(enough);
      }
    }
    err.printf("%d message(s) accepted, %d duplicate(s) dropped, %d rejected%n",
        consumer.accepted(), consumer.duplicates(), consumer.rejected());
    err.flush();
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }
}
