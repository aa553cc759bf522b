package io.emms.dlt645.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void theQuickStartReadsTheSimulatedMetersEnergy() {
    Reading energy = Dlt645QuickStart.readEnergy();

    assertThat(energy.quality()).isEqualTo(Quality.VALID);
    assertThat(energy.meterId()).isEqualTo("000102030425");
    // The meter starts at 1206.42 kWh and draws 2 kW: a fraction of a second later it is still 1206.42.
    assertThat(energy.value()).isBetween(new java.math.BigDecimal("1206.42"), new java.math.BigDecimal("1206.43"));
  }
}
