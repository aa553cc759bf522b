package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadSimulatedDlt645MeterTest {

  @Test
  void quickStartReadsThreeValidQuantities() {
    List<Reading> readings = ReadSimulatedDlt645Meter.run();
    assertThat(readings).hasSize(3).allMatch(r -> r.quality() == Quality.VALID);
    assertThat(readings.get(0).quantity().measurand()).isEqualTo(Measurand.ACTIVE_ENERGY_IMPORT);
    assertThat(readings.get(0).value()).isBetween(new java.math.BigDecimal("1206.42"), new java.math.BigDecimal("1206.52"));
    assertThat(readings.get(1).value().doubleValue()).isBetween(200.0, 240.0);
  }
}
