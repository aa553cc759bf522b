package io.emms.dlt645.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocols;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.link.LinkUri;
import io.emms.core.link.PipeLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class Dlt645MeterProtocolTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void bothEditionsAreFoundAndCheckSpecs() {
    assertThat(MeterProtocols.all()).containsKeys("dlt645-2007", "dlt645-1997");

    MeterEndpoint meter = MeterEndpoint.parse("dlt645-2007:000102030425", List.of(), MINUTE);
    assertThat(meter.quantitiesToRead()).contains(
        Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A));
    assertThatThrownBy(() -> MeterEndpoint.parse("dlt645-2007:12345", List.of(), MINUTE))
        .hasMessageContaining("address: a DL/T 645 address is 12 decimal digits, not \"12345\"");
    assertThatThrownBy(() -> MeterEndpoint.parse("dlt645-1997:000000001997:sdm630", List.of(), MINUTE))
        .hasMessageContaining("profile: DL/T 645 meters take no profile");
    assertThatThrownBy(() -> MeterEndpoint.parse("dlt645-2007:000102030425",
        List.of(Quantity.of(Measurand.VOLTAGE_THD, Phase.N)), MINUTE))
        .hasMessageContaining("dlt645-2007 has no readable data item for VOLTAGE_THD.N");
  }

  @Test
  void sessionsOfBothEditionsShareOneLine() {
    PipeLink[] bus = PipeLink.pair("rs485");
    Dlt645Address address2007 = Dlt645Address.of("000102030425");
    Dlt645Address address1997 = Dlt645Address.of("000000001997");
    SimulatedMeter meter2007 = new SimulatedMeter(SimulatedMeterConfig.builder(address2007).initialEnergyKwh(1206.42).build());
    SimulatedMeter meter1997 = new SimulatedMeter(SimulatedMeterConfig.builder(address1997)
        .edition(Dlt645Edition.V1997).initialEnergyKwh(88.5).build());
    ConfiguredLink link = new ConfiguredLink(LinkUri.parse("pipe:rs485"), bus[0], Framing.RTU, false);
    try (Dlt645Simulator simulator = Dlt645Simulator.attach(bus[1], meter2007, meter1997);
        Line line = Line.halfDuplex(bus[0], LineConfig.builder().responseTimeout(Duration.ofSeconds(2)).build())) {
      simulator.start().join();
      bus[0].open().join();
      MeterEndpoint a = MeterEndpoint.parse("dlt645-2007:000102030425", List.of(), MINUTE);
      MeterEndpoint b = MeterEndpoint.parse("dlt645-1997:000000001997", List.of(), MINUTE);
      Quantity energy = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
      try (MeterSession s2007 = a.meterProtocol().open(line, link);
          MeterSession s1997 = b.meterProtocol().open(line, link)) {
        List<Reading> readings2007 = s2007.read(a, a.quantitiesToRead()).join();
        List<Reading> readings1997 = s1997.read(b, List.of(energy)).join();

        assertThat(readings2007).extracting(Reading::quantity).containsExactlyElementsOf(a.quantitiesToRead());
        assertThat(readings2007).allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.VALID));
        assertThat(readings2007.get(0).value()).isEqualByComparingTo(new BigDecimal("1206.42"));
        assertThat(readings1997).singleElement().satisfies(r -> assertThat(r.value()).isEqualByComparingTo("88.50"));
        assertThat(line.counters(s2007.lineMeterId(a)).requests()).isEqualTo(readings2007.size());
        assertThat(line.counters(s1997.lineMeterId(b)).requests()).isEqualTo(1);
      }
    } finally {
      bus[0].close();
    }
  }
}
