package io.emms.dlt645.e2e;

import io.emms.core.link.PipeLink;
import io.emms.core.reading.Measurand;
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
 * Quick start: a simulated DL/T 645-2007 meter on one end of an in-memory link, the async master on the other,
 * and a read of forward active energy. Swap the {@code PipeLink} for a serial or TCP link to talk to a real
 * meter; nothing else changes.
 *
 * <p>Run: {@code java -cp ... io.emms.dlt645.e2e.Dlt645QuickStart}
 */
public final class Dlt645QuickStart {

  private Dlt645QuickStart() {}

  public static void main(String[] args) {
    Reading energy = readEnergy();
    System.out.println(energy.meterId() + " " + energy.quantity() + " = " + energy.value() + " "
        + energy.unit().symbol() + " (" + energy.quality() + ")");
  }

  /** The whole quick start: returns the reading it printed. */
  static Reading readEnergy() {
    PipeLink[] link = PipeLink.pair("quick-start");
    Dlt645Address address = Dlt645Address.of("000102030425");

    // 1. A simulated meter on one end.
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(address).initialEnergyKwh(1206.42).build());
    try (Dlt645Simulator simulator = Dlt645Simulator.attach(link[1], meter);
        // 2. The master on the other end.
        Dlt645Client client = Dlt645Client.create(link[0], Dlt645ClientConfig.builder().build())) {
      simulator.start().join();
      client.connect().join();

      // 3. Read forward active energy as a protocol-neutral reading (DI 00010000 underneath).
      List<Reading> readings =
          client.read(address.toString(), List.of(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT))).join();
      return readings.get(0);
    } finally {
      link[0].close();
      link[1].close();
    }
  }
}
