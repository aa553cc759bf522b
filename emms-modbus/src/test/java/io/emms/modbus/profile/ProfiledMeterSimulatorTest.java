package io.emms.modbus.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProfiledMeterSimulatorTest {

  private static BigDecimal value(ProfiledMeterSimulator sim, Quantity q) {
    RegisterPoint p = sim.profile().point(q).orElseThrow();
    return sim.image().value(p.table(), p.address(), p.format());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdm630", "sdm120", "dtsu666", "ddsu666", "adl400"})
  void everyPointHoldsAPlausibleValue(String name) {
    try (ProfiledMeterSimulator sim = new ProfiledMeterSimulator(MeterProfiles.get(name), 7)) {
      assertThat(value(sim, Quantity.of(Measurand.VOLTAGE, Phase.A)).doubleValue()).isBetween(225.0, 235.0);
      assertThat(value(sim, Quantity.total(Measurand.FREQUENCY)).doubleValue()).isBetween(49.9, 50.1);
      assertThat(value(sim, Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT)).doubleValue()).isGreaterThan(999.0);
      for (RegisterPoint p : sim.profile().points()) {
        assertThat(sim.image().value(p.table(), p.address(), p.format())).as(p.description()).isNotNull();
      }
    }
  }

  @Test
  void energyGrowsWithSimulatedTimeAndTariffsTakeTurns() {
    try (ProfiledMeterSimulator sim = new ProfiledMeterSimulator(MeterProfiles.get("adl400"), 7)) {
      Quantity total = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
      BigDecimal start = value(sim, total);
      sim.step(Duration.ofHours(6));
      BigDecimal afterSix = value(sim, total);
      // Three phases at about 230 V x 5 A x 0.95 for six hours: about 20 kWh.
      assertThat(afterSix.subtract(start).doubleValue()).isBetween(15.0, 25.0);
      BigDecimal tariff2 = value(sim, Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2));
      sim.step(Duration.ofHours(1));
      assertThat(value(sim, Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2))).isGreaterThan(tariff2);
    }
  }

  @Test
  void theSameSeedGivesTheSameMeter() {
    try (ProfiledMeterSimulator a = new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), 99);
        ProfiledMeterSimulator b = new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), 99)) {
      a.step(Duration.ofMinutes(15));
      b.step(Duration.ofMinutes(15));
      for (RegisterPoint p : a.profile().points()) {
        assertThat(value(a, p.quantity())).isEqualByComparingTo(value(b, p.quantity()));
      }
    }
  }
}
