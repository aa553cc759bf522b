package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadProfiledModbusMeterTest {

  @Test
  void readsEveryProfiledQuantity() {
    List<Reading> readings = ReadProfiledModbusMeter.run();
    assertThat(readings).hasSizeGreaterThan(10).allMatch(r -> r.quality() == Quality.VALID);
    assertThat(readings).filteredOn(r -> r.quantity().measurand() == Measurand.FREQUENCY)
        .singleElement().satisfies(f -> assertThat(f.value().doubleValue()).isBetween(49.0, 51.0));
  }
}
