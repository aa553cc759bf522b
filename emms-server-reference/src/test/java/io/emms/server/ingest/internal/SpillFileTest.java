package io.emms.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {

  @TempDir Path dir;

  private static final Instant T = Instant.parse("2026-03-01T00:15:00.250Z");

  @Test
  void readingsComeBackExactlyIncludingAwkwardMeterIdsAndMissingValues() {
    SpillFile f = new SpillFile(dir.resolve("spill.tsv"));
    List<Reading> in = List.of(
        Reading.valid("unit 3 @ 10.0.0.7:502", Quantity.of(Measurand.VOLTAGE, Phase.B), new BigDecimal("229.90"), T),
        Reading.valid("tab\there\\and\nnewline", Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2),
            new BigDecimal("123456.78"), T),
        Reading.missing("000000001234", Quantity.total(Measurand.FREQUENCY), T, Quality.TIMEOUT));
    f.append(in);
    assertThat(f.count()).isEqualTo(3);
    List<Reading> out = new ArrayList<>();
    f.drain(2, out::addAll);
    assertThat(out).isEqualTo(in);
    assertThat(f.isEmpty()).isTrue();
  }

  @Test
  void aFailingSinkLeavesTheFileWhole() {
    SpillFile f = new SpillFile(dir.resolve("spill.tsv"));
    List<Reading> in = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      in.add(Reading.valid("m" + i, Quantity.total(Measurand.ACTIVE_POWER), BigDecimal.valueOf(i), T));
    }
    f.append(in);
    List<Reading> seen = new ArrayList<>();
    assertThatThrownBy(() -> f.drain(4, b -> {
      if (!seen.isEmpty()) {
        throw new IllegalStateException("database away");
      }
      seen.addAll(b);
    })).hasMessageContaining("database away");
    assertThat(f.count()).isEqualTo(10);
    List<Reading> out = new ArrayList<>();
    f.drain(4, out::addAll);
    assertThat(out).isEqualTo(in);
  }
}
