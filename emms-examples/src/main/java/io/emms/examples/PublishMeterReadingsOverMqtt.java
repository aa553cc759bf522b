package io.emms.examples;

import io.emms.core.link.PipeLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.mqtt.MqttClientConfig;
import io.emms.transport.mqtt.TelemetryPublisher;
import io.emms.transport.mqtt.TopicScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway: reads three DL/T 645 meters on its RS-485 bus (simulated here on an in-memory link) and publishes
 * their readings as MQTT 5 telemetry, QoS 1, one message per meter per round, under
 * {@code emms/TENANT/GATEWAY/meters/METER/telemetry}, with a retained online status and an offline Last-Will.
 */
public final class PublishMeterReadingsOverMqtt {

  static final List<String> METERS = List.of("000102030425", "000102030426", "000102030427");
  static final List<Quantity> QUANTITIES = List.of(
      Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A),
      Quantity.total(Measurand.ACTIVE_POWER));

  private PublishMeterReadingsOverMqtt() {}

  /**
   * Publishes {@code rounds} rounds of readings and returns them once the broker acknowledged each message.
   *
   * @param broker how to reach and sign in to the broker
   */
  public static List<Reading> run(MqttClientConfig broker, TopicScheme topics, int rounds) {
    PipeLink[] bus = PipeLink.pair("rs485");
    List<Reading> published = new ArrayList<>();
    try (Dlt645Simulator simulator = Dlt645Simulator.attach(bus[1], METERS.stream()
            .map(a -> new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of(a)).build()))
            .toArray(SimulatedMeter[]::new));
        Dlt645Client client = Dlt645Client.create(bus[0], Dlt645ClientConfig.builder().build());
        TelemetryPublisher gateway = TelemetryPublisher.create(broker, topics)) {
      simulator.start().join();
      client.connect().join();
      gateway.start().join();
      for (int round = 0; round < rounds; round++) {
        for (String meter : METERS) {
          List<Reading> readings = client.read(meter, QUANTITIES).join();
          gateway.publish("dlt645-2007", readings).join();
          published.addAll(readings);
        }
      }
    } finally {
      bus[0].close();
      bus[1].close();
    }
    return published;
  }

  /** {@code PublishMeterReadingsOverMqtt tcp://HOST:PORT USER PASSWORD}. */
  public static void main(String[] args) {
    MqttClientConfig broker = MqttClientConfig.builder(args[0], "example-gateway").credentials(args[1], args[2]).build();
    run(broker, TopicScheme.of("example", "gateway-1"), 1)
        .forEach(r -> System.out.printf("%s %-24s %12s %s%n", r.meterId(), r.quantity(), r.value(), r.unit().symbol()));
  }
}
