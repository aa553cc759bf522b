package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.LoadProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client as a protocol-neutral {@link io.emms.core.meter.MeterReader}. */
class Dlt645MeterReaderTest {

  private static final Quantity ENERGY = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
  private static final Quantity VOLTAGE_A = Quantity.of(Measurand.VOLTAGE, Phase.A);
  private static final Quantity FREQUENCY = Quantity.total(Measurand.FREQUENCY);
  private static final Quantity THD = Quantity.of(Measurand.VOLTAGE_THD, Phase.A);

  private final SimulatedBus bus = new SimulatedBus();

  @AfterEach
  void tearDown() {
    bus.close();
  }

  @Test
  void readsQuantitiesAsValidReadingsInTheOrderAsked() {
    bus.add(bus.meter(Dlt645Address.of("000102030425")).initialEnergyKwh(1206.42).nominalVoltage(230)
        .loadProfile(LoadProfile.constant(0)).build());
    bus.start();

    List<Reading> readings = bus.client.read("000102030425", List.of(ENERGY, VOLTAGE_A, FREQUENCY)).join();

    assertThat(readings).extracting(Reading::quantity).containsExactly(ENERGY, VOLTAGE_A, FREQUENCY);
    assertThat(readings).extracting(Reading::quality).containsOnly(Quality.VALID);
    assertThat(readings.get(0).value()).isEqualByComparingTo("1206.42");
    assertThat(readings.get(1).value()).isEqualByComparingTo("230.0");
    assertThat(readings.get(2).value()).isEqualByComparingTo("50.00");
    assertThat(readings).extracting(Reading::timestamp).containsOnly(SimulatedBus.START);
  }

  @Test
  void reads1997MetersThroughThe1997Catalogue() {
    bus.add(bus.meter(Dlt645Address.of("000000000003")).edition(Dlt645Edition.V1997).nominalVoltage(100)
        .initialEnergyKwh(77.5).loadProfile(LoadProfile.constant(0)).build());
    bus.start();
    bus.client.register(Dlt645Address.of("000000000003"), Dlt645Edition.V1997);

    List<Reading> readings = bus.client.read("000000000003", List.of(VOLTAGE_A, ENERGY)).join();

    assertThat(readings.get(0).value()).isEqualByComparingTo("100");
    assertThat(readings.get(1).value()).isEqualByComparingTo("77.50");
  }

  @Test
  void failuresBecomeReadingsWithTheReasonAsQuality() {
    bus.add(bus.meter(Dlt645Address.of("000102030425")).build());
    bus.start();

    List<Reading> absent = bus.client.read("000000000077", List.of(ENERGY)).join();
    List<Reading> unsupported = bus.client.read("000102030425", List.of(THD)).join();

    assertThat(absent.get(0).quality()).isEqualTo(Quality.TIMEOUT);
    assertThat(absent.get(0).hasValue()).isFalse();
    assertThat(unsupported.get(0).quality()).isEqualTo(Quality.NO_DATA);
  }

  @Test
  void aMeterIdThatIsNotAnAddressFailsTheFuture() {
    bus.start();

    assertThatThrownBy(() -> bus.client.read("meter-7", List.of(ENERGY)).join())
        .cause().isInstanceOf(IllegalArgumentException.class);
  }
}
