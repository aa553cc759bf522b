package io.emms.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyReporterTest {

  private static final long DAY0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

  private static long[] grid(long start, int n, Duration step) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = start + i * step.toMillis();
    }
    return t;
  }

  @Test
  void peakFlatValleyBands() {
    TouSchedule s = TouSchedule.peakFlatValley();
    assertThat(s.tariffAt(LocalTime.of(9, 0))).isEqualTo(2);
    assertThat(s.tariffAt(LocalTime.of(18, 0))).isEqualTo(2);
    assertThat(s.tariffAt(LocalTime.of(7, 30))).isEqualTo(3);
    assertThat(s.tariffAt(LocalTime.of(23, 30))).isEqualTo(4);
    assertThat(s.tariffAt(LocalTime.of(6, 59))).isEqualTo(4);
    assertThat(s.tariffNames()).containsEntry(2, "peak").containsEntry(3, "flat").containsEntry(4, "valley");
  }

  @Test
  void scheduleMustCoverTheDayExactlyOnce() {
    assertThatThrownBy(() -> TouSchedule.builder().band("a", 1, "00:00", "12:00").build())
        .hasMessageContaining("12:00 is covered by 0");
    assertThatThrownBy(() -> TouSchedule.builder().band("a", 1, "00:00", "00:00").band("b", 2, "10:00", "11:00")
        .build()).hasMessageContaining("covered by 2");
  }

  @Test
  void dailyEnergyByTariffWithBlockDemandAndLoadFactor() {
    double[] kwh = new double[96];
    Arrays.fill(kwh, 0.25);
    kwh[76] = 1.25; // 19:00, a peak interval
    kwh[10] = Double.NaN; // 02:30, valley, missing
    EnergyReporter r = new EnergyReporter(TouSchedule.peakFlatValley(), ZoneOffset.UTC,
        DemandWindow.block(Duration.ofMinutes(15)));
    List<PeriodEnergy> days = r.daily(grid(DAY0, 96, Duration.ofMinutes(15)), kwh, Duration.ofMinutes(15));
    assertThat(days).singleElement().satisfies(d -> {
      assertThat(d.start()).isEqualTo(LocalDate.of(2026, 3, 2));
      // peak 8 h = 32 intervals × 0.25 = 8, plus 1.0 extra at 19:00 = 9; flat 8 h = 8; valley 8 h less one = 7.75
      assertThat(d.tariff(2)).isCloseTo(9.0, within(1e-12));
      assertThat(d.tariff(3)).isCloseTo(8.0, within(1e-12));
      assertThat(d.tariff(4)).isCloseTo(7.75, within(1e-12));
      assertThat(d.total()).isCloseTo(24.75, within(1e-12));
      assertThat(d.missingIntervals()).isEqualTo(1);
      // 1.25 kWh in 0.25 h = 5 kW at 19:00
      assertThat(d.maxDemand().kw()).isCloseTo(5.0, within(1e-12));
      assertThat(d.maxDemand().windowStart()).isEqualTo(Instant.parse("2026-03-02T19:00:00Z"));
      // mean power 24.75 kWh / 23.75 h = 1.042105 kW; / 5 kW = 0.208421
      assertThat(d.loadFactor()).isCloseTo(24.75 / 23.75 / 5, within(1e-12));
    });
  }

  @Test
  void slidingDemandFindsTheWindowBlocksMiss() {
    double[] kwh = new double[12];
    kwh[2] = 0.4; // 00:10
    kwh[3] = 0.5; // 00:15
    kwh[4] = 0.5; // 00:20
    long[] t = grid(DAY0, 12, Duration.ofMinutes(5));
    Duration five = Duration.ofMinutes(5);
    // blocks 00:00 = 0.4 kWh → 1.6 kW, 00:15 = 1.0 kWh → 4 kW; sliding 00:10–00:25 = 1.4 kWh → 5.6 kW
    PeriodEnergy block = new EnergyReporter(TouSchedule.flat(), ZoneOffset.UTC,
        DemandWindow.block(Duration.ofMinutes(15))).daily(t, kwh, five).get(0);
    assertThat(block.maxDemand().kw()).isCloseTo(4.0, within(1e-12));
    PeriodEnergy sliding = new EnergyReporter(TouSchedule.flat(), ZoneOffset.UTC,
        DemandWindow.sliding(Duration.ofMinutes(15))).daily(t, kwh, five).get(0);
    assertThat(sliding.maxDemand().kw()).isCloseTo(5.6, within(1e-12));
    assertThat(sliding.maxDemand().windowStart()).isEqualTo(Instant.parse("2026-03-02T00:10:00Z"));
  }

  @Test
  void monthlyGroupsByLocalCalendar() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    long start = Instant.parse("2026-01-30T16:00:00Z").toEpochMilli(); // 2026-01-31 00:00 +08:00
    double[] kwh = new double[48];
    Arrays.fill(kwh, 1.0);
    kwh[30] = 3.0; // 2026-02-01 06:00 local
    EnergyReporter r = new EnergyReporter(TouSchedule.flat(), shanghai, DemandWindow.block(Duration.ofHours(1)));
    List<PeriodEnergy> months = r.monthly(grid(start, 48, Duration.ofHours(1)), kwh, Duration.ofHours(1));
    assertThat(months).extracting(PeriodEnergy::start)
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
    assertThat(months.get(0).total()).isEqualTo(24.0);
    assertThat(months.get(1).total()).isEqualTo(26.0); // 23 × 1 + 3
    assertThat(months.get(1).maxDemand().kw()).isEqualTo(3.0);
    assertThat(months.get(1).tariff(1)).isEqualTo(26.0);
  }

  @Test
  void demandWindowMustBeAMultipleOfTheInterval() {
    EnergyReporter r = new EnergyReporter(TouSchedule.flat(), ZoneOffset.UTC,
        DemandWindow.block(Duration.ofMinutes(10)));
    assertThatThrownBy(() -> r.daily(grid(DAY0, 4, Duration.ofMinutes(15)), new double[4], Duration.ofMinutes(15)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
