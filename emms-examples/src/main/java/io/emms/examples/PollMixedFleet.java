package io.emms.examples;

import io.emms.bus.fleet.Fleet;
import io.emms.bus.fleet.FleetFile;
import io.emms.bus.fleet.FleetListener;
import io.emms.bus.fleet.FleetPoller;
import io.emms.bus.fleet.FleetSummary;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.core.reading.Reading;
import io.emms.simulator.SimulatedMeters;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixed fleet from a fleet file: a DL/T 645-2007 meter, a DL/T 645-1997 meter and a Modbus SDM630 on one line
 * behind a transparent TCP gateway (here simulated on loopback), polled once. Point the file's {@code link} at a
 * real gateway, or at {@code serial:/dev/ttyUSB0?baud=9600&parity=none}, to poll real meters.
 */
public final class PollMixedFleet {

  private static final String FLEET = """
      interval: 1m
      lines:
        - id: rs485
          link: rtu-over-tcp://127.0.0.1:%d?reconnect=false
          timeout: 2s
          meters:
            - {id: revenue, protocol: dlt645-2007, address: 000000000011, quantities: [ACTIVE_ENERGY_IMPORT, VOLTAGE.A]}
            - {id: old, protocol: dlt645-1997, address: 000000000013, quantities: [ACTIVE_ENERGY_IMPORT]}
            - {id: chiller, protocol: modbus, unit: 1, profile: sdm630, quantities: [ACTIVE_POWER, FREQUENCY]}
      """;

  private PollMixedFleet() {}

  /** What one poll of the fleet gave: readings in arrival order, and the summary. */
  public record Result(List<String> readings, FleetSummary summary) {}

  public static Result run() {
    List<String> specs = List.of("dlt645-2007:000000000011", "dlt645-1997:000000000013", "modbus:1:sdm630");
    try (TcpLinkServer gateway = new TcpLinkServer(TcpServerConfig.defaults(),
        link -> SimulatedMeters.of(specs, 645).responder().attach(link))) {
      gateway.start().join();
      Fleet fleet = FleetFile.parse(FLEET.formatted(gateway.port()), "example.yaml");
      List<String> readings = new ArrayList<>();
      FleetListener print = new FleetListener() {
        @Override
        public void onReadings(MeterEndpoint meter, List<Reading> values) {
          values.forEach(r -> readings.add(meter.id() + " " + r.quantity() + " = " + r.value() + " " + r.unit().symbol()
              + " (" + r.quality() + ")"));
        }

        @Override
        public void onFailure(MeterEndpoint meter, Throwable failure) {
          readings.add(meter.id() + " failed: " + failure.getMessage());
        }
      };
      try (FleetPoller poller = FleetPoller.open(fleet, print, false)) {
        poller.pollOnce().join();
        poller.close();
        return new Result(readings, poller.summary());
      }
    }
  }

  public static void main(String[] args) {
    Result result = run();
    result.readings().forEach(System.out::println);
    result.summary().meters().forEach(m -> System.out.println(
        m.id() + ": " + m.valid() + " read, " + m.missing() + " missing, p50 " + m.counters().latencyP50()));
  }
}
