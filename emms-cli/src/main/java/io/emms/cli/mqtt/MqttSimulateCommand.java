package io.emms.cli.mqtt;

import io.emms.cli.command.BadInputException;
import io.emms.core.time.DurationText;
import io.emms.transport.mqtt.TelemetryPublisher;
import io.emms.transport.mqtt.TopicScheme;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms simulate mqtt}: a gateway that reads simulated meters and publishes their telemetry. */
@Command(
    name = "mqtt",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes simulated meters' telemetry to an MQTT 5 broker as a gateway would, until stopped (Ctrl-C).",
      "Topics: ROOT/TENANT/GATEWAY/meters/METER/telemetry (QoS 1), retained ROOT/TENANT/GATEWAY/status with a",
      "Last-Will; payloads as docs/mqtt-telemetry.schema.json. METER is the spec as given."
    })
public final class MqttSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BrokerOptions broker;

  @Option(names = "--meter", required = true, paramLabel = "SPEC",
      description = "dlt645-2007:ADDRESS, dlt645-1997:ADDRESS or modbus:UNIT:PROFILE; repeat for several")
  List<String> meters;

  @Option(names = "--every", defaultValue = "1s", paramLabel = "DURATION", description = "publish interval (default ${DEFAULT-VALUE})")
  String every;

  @Option(names = "--gateway", defaultValue = "sim-gateway", description = "gateway topic level (default ${DEFAULT-VALUE})")
  String gateway;

  @Option(names = "--rounds", paramLabel = "N", description = "stop after N rounds (default: run until stopped)")
  Integer rounds;

  @Override
  public Integer call() throws Exception {
    Duration interval = interval();
    TopicScheme topics;
    try {
      topics = new TopicScheme(broker.root, broker.tenant, gateway);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (SimulatedMeters simulated = new SimulatedMeters(meters, interval);
        TelemetryPublisher publisher = TelemetryPublisher.create(
            broker.client(gateway + "-" + UUID.randomUUID().toString().substring(0, 8)), topics)) {
      publisher.start().join();
      out.printf("publishing %d meter(s) to %s under %s every %s%n", meters.size(), broker.broker,
          topics.status().replace("/status", ""), DurationText.format(interval));
      out.flush();
      for (int round = 0; rounds == null || round < rounds; round++) {
        long next = System.nanoTime() + interval.toNanos();
        for (SimulatedMeters.Meter meter : simulated.meters()) {
          publisher.publish(meter.endpoint().protocol(), meter.read()).join();
        }
        long sleep = next - System.nanoTime();
        if (sleep > 0 && (rounds == null || round < rounds - 1)) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private Duration interval() {
    try {
      return DurationText.parse(every);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--every: " + e.getMessage());
    }
  }
}
