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
import java.util.List;

/**
 * The README's quick start: a simulated DL/T 645-2007 meter on one end of an in-memory link, read as core
 * {@link Reading}s by the async master on the other end. Swap the {@code PipeLink} for a {@code SerialLink} or a
 * {@code TcpClientLink} from emms-transport to read a real meter.
 */
public final class ReadSimulatedDlt645Meter {

  private ReadSimulatedDlt645Meter() {}

  public static List<Reading> run() {
    PipeLink[] bus = PipeLink.pair("rs485");
    Dlt645Address address = Dlt645Address.of("000102030425");
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(address).initialEnergyKwh(1206.42).build());
    try (Dlt645Simulator simulator = Dlt645Simulator.attach(bus[1], meter);
        Dlt645Client client = Dlt645Client.create(bus[0], Dlt645ClientConfig.builder().build())) {
      simulator.start().join();
      client.connect().join();
      return client.read(address.toString(), List.of(
          Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT),
          Quantity.of(Measurand.VOLTAGE, Phase.A),
          Quantity.total(Measurand.ACTIVE_POWER))).join();
    } finally {
      bus[0].close();
      bus[1].close();
    }
  }

  public static void main(String[] args) {
    run().forEach(r -> System.out.printf("%-24s %12s %s %s%n", r.quantity(), r.value(), r.unit().symbol(), r.quality()));
  }
}
