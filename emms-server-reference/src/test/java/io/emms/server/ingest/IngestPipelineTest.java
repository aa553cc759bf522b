package io.emms.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline against a store that can be switched off, as a database outage looks to it. */
class IngestPipelineTest {

  @TempDir Path dir;

  /** Keyed like the primary key: a second write of the same reading replaces the first. */
  private final Map<String, Reading> rows = new ConcurrentHashMap<>();
  private volatile boolean available = true;

  private void store(List<Reading> batch) {
    if (!available) {
      throw new IllegalStateException("database away");
    }
    for (Reading r : batch) {
      rows.put(r.meterId() + '|' + r.quantity() + '|' + r.timestamp(), r);
    }
  }

  private static Reading reading(int i) {
    return Reading.valid("m" + (i % 50), Quantity.total(Measurand.ACTIVE_POWER), BigDecimal.valueOf(i),
        Instant.EPOCH.plusSeconds(i));
  }

  @Test
  void anOutageLongerThanTheBacklogSpillsAndLosesNothing() throws Exception {
    Path spill = dir.resolve("spill.tsv");
    try (IngestPipeline p = new IngestPipeline(this::store, spill, 1_000, 100, 500)) {
      for (int i = 0; i < 2_000; i++) {
        p.submit(reading(i));
      }
      assertThat(p.awaitWritten(Duration.ofSeconds(30))).isTrue();
      available = false;
      for (int i = 2_000; i < 10_000; i++) {
        p.submit(reading(i));
      }
      assertThat(p.awaitWritten(Duration.ofMillis(600))).isFalse();
      assertThat(p.stats().spilled()).isPositive();
      assertThat(Files.exists(spill)).isTrue();
      available = true;
      assertThat(p.awaitWritten(Duration.ofSeconds(30))).isTrue();
      assertThat(p.stats().accepted()).isEqualTo(10_000);
    }
    assertThat(rows).hasSize(10_000);
    assertThat(Files.exists(spill)).isFalse();
  }

  @Test
  void closingDuringAnOutageSpillsAndTheNextStartWritesIt() throws Exception {
    Path spill = dir.resolve("spill.tsv");
    available = false;
    try (IngestPipeline p = new IngestPipeline(this::store, spill, 1_000, 100, 10_000)) {
      for (int i = 0; i < 3_000; i++) {
        p.submit(reading(i));
      }
    }
    assertThat(rows).isEmpty();
    assertThat(Files.exists(spill)).isTrue();
    available = true;
    try (IngestPipeline p = new IngestPipeline(this::store, spill, 1_000, 100, 10_000)) {
      assertThat(p.awaitWritten(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(rows).hasSize(3_000);
    assertThat(rows.get("m7|ACTIVE_POWER|" + Instant.EPOCH.plusSeconds(2_957)).value()).isEqualByComparingTo("2957");
  }
}
