package io.emms.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.server.SharedDatabase;
import io.emms.server.db.EmbeddedMariaDb;
import io.emms.server.db.ReadingStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops and restarts the real MariaDB while readings stream in, then counts the rows. */
class IngestPipelineMariaDbTest {

  @TempDir Path dir;

  @Test
  void aDatabaseRestartUnderLoadLosesAndDoublesNothing() throws Exception {
    EmbeddedMariaDb mariaDb = SharedDatabase.mariaDb();
    ReadingStore store = new ReadingStore(SharedDatabase.database().dataSource());
    int total = 120_000;
    AtomicInteger produced = new AtomicInteger();
    Quantity q = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    try (IngestPipeline p = new IngestPipeline(store::write, dir.resolve("spill.tsv"), 10_000, 1_000, 20_000)) {
      Thread producer = new Thread(() -> {
        try {
          for (int i = 0; i < total; i++) {
            // 400 meters, consecutive 15-minute register values
            Reading r = Reading.valid("restart-" + (i % 400), q, BigDecimal.valueOf(i, 2),
                t0.plus(Duration.ofMinutes(15L * (i / 400))));
            p.submit(r);
            produced.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      producer.start();
      while (produced.get() < total / 4) {
        Thread.sleep(10);
      }
      mariaDb.stop();
      // The producer must keep going while the database is away (no back-pressure stall on an outage).
      int before = produced.get();
      while (produced.get() < Math.min(total, before + 40_000)) {
        Thread.sleep(10);
      }
      mariaDb.restart();
      producer.join();
      assertThat(p.awaitWritten(Duration.ofMinutes(2))).isTrue();
      assertThat(p.stats().failedWrites()).isPositive();
      assertThat(p.stats().spilled()).isPositive();
    }
    assertThat(SharedDatabase.count("SELECT COUNT(*) FROM reading WHERE meter_id LIKE 'restart-%'")).isEqualTo(total);
    assertThat(SharedDatabase.count("SELECT SUM(value * 100) FROM reading WHERE meter_id LIKE 'restart-%'"))
        .isEqualTo((long) total * (total - 1) / 2);
  }
}
