package io.emms.analytics.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VeeEngineTest {

  /** Monday 2026-01-05 00:00 UTC. */
  private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  private static final long Q = Duration.ofMinutes(15).toMillis();
  private static final Duration FIFTEEN = Duration.ofMinutes(15);

  private static long[] grid(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = MONDAY + i * Q;
    }
    return t;
  }

  private static double[] filled(int n, double v) {
    double[] e = new double[n];
    Arrays.fill(e, v);
    return e;
  }

  private static VeeEngine only(VeeRule rule) {
    return new VeeEngine(VeeConfig.builder().rules(EnumSet.of(rule)).build());
  }

  @Test
  void gapsFromMissingValuesAndMissingTimestamps() {
    long[] t = {MONDAY, MONDAY + Q, MONDAY + 2 * Q, MONDAY + 5 * Q, MONDAY + 6 * Q};
    double[] e = {0.1, Double.NaN, Double.NaN, 0.1, 0.1};
    VeeResult r = only(VeeRule.GAP).validate(IntervalData.of("m", FIFTEEN, t, e));
    // NaN run of 2 starting at index 1; jump from 2Q to 5Q leaves 2 intervals missing before index 3.
    assertThat(r.findings()).extracting(Finding::index, Finding::value)
        .containsExactlyInAnyOrder(tuple(1, 2.0), tuple(3, 2.0));
  }

  @Test
  void spikeIsHighestAgainstThirdHighest() {
    double[] e = filled(96, 0.2);
    e[10] = 1.0;
    e[20] = 0.3;
    e[30] = 0.3;
    // sorted descending 1.0, 0.3, 0.3: third highest 0.3, limit 3 × 0.3 = 0.9 < 1.0
    VeeResult r = only(VeeRule.SPIKE).validate(IntervalData.of("m", FIFTEEN, grid(96), e));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(10);
      assertThat(f.threshold()).isCloseTo(0.9, within(1e-12));
      assertThat(f.message()).contains("1.000 kWh").contains("0.900");
    });
    e[10] = 0.8; // 0.8 < 0.9
    assertThat(only(VeeRule.SPIKE).validate(IntervalData.of("m", FIFTEEN, grid(96), e)).passed()).isTrue();
  }

  @Test
  void highAndLowAgainstOwnHistory() {
    int days = 10;
    double[] e = filled(96 * days, 0.1); // 9.6 kWh per day
    Arrays.fill(e, 96 * 8, 96 * 9, 0.25); // day 8: 24 kWh > 2 × 9.6 = 19.2
    // day 9: 1.92 kWh; history of days 0..8 = eight × 9.6 and 24: median 9.6 (the high day does not move it)
    Arrays.fill(e, 96 * 9, 96 * 10, 0.02);
    VeeEngine vee = new VeeEngine(VeeConfig.builder()
        .rules(EnumSet.of(VeeRule.HIGH_VS_HISTORY, VeeRule.LOW_VS_HISTORY)).build());
    VeeResult r = vee.validate(IntervalData.of("m", FIFTEEN, grid(96 * days), e));
    assertThat(r.of(VeeRule.HIGH_VS_HISTORY)).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(96 * 8);
      assertThat(f.value()).isCloseTo(24.0, within(1e-9));
      assertThat(f.threshold()).isCloseTo(19.2, within(1e-9));
    });
    // low limit 0.4 × 9.6 = 3.84 > 1.92
    assertThat(r.of(VeeRule.LOW_VS_HISTORY)).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(96 * 9);
      assertThat(f.threshold()).isCloseTo(3.84, within(1e-9));
    });
  }

  @Test
  void zeroRunsOnActiveMeter() {
    double[] e = filled(40, 0.1);
    Arrays.fill(e, 5, 13, 0.0); // 8 zeros: fires
    Arrays.fill(e, 20, 27, 0.0); // 7 zeros: silent
    VeeResult r = only(VeeRule.ZERO_WHILE_ACTIVE).validate(IntervalData.of("m", FIFTEEN, grid(40), e));
    assertThat(r.findings()).singleElement().extracting(Finding::index, Finding::value)
        .containsExactly(5, 8.0);
    VeeEngine inactive = new VeeEngine(VeeConfig.builder().meterActive(false).build());
    assertThat(inactive.validate(IntervalData.of("m", FIFTEEN, grid(40), e)).of(VeeRule.ZERO_WHILE_ACTIVE)).isEmpty();
  }

  @Test
  void stuckValues() {
    double[] e = filled(40, 0.1);
    for (int i = 20; i < 40; i++) {
      e[i] = 0.1 + 0.01 * (i % 3);
    }
    // indices 0..19 repeat 0.1 (20 ≥ 8); from 20 the values cycle 0.12, 0.10, 0.11 (never 8 in a row)
    VeeResult r = only(VeeRule.STUCK_VALUE).validate(IntervalData.of("m", FIFTEEN, grid(40), e));
    assertThat(r.findings()).singleElement().extracting(Finding::index, Finding::value).containsExactly(0, 20.0);
  }

  @Test
  void negativeAndMeterFast() {
    // 1 phase × 220 V × 60 A × 0.25 h = 3.3 kWh, × 1.1 = 3.63 kWh
    double[] e = {0.1, -0.2, 3.7, 3.6};
    VeeEngine vee = new VeeEngine(VeeConfig.builder().rules(EnumSet.of(VeeRule.NEGATIVE, VeeRule.METER_FAST)).build());
    VeeResult r = vee.validate(IntervalData.of("m", FIFTEEN, grid(4), e));
    assertThat(r.of(VeeRule.NEGATIVE)).extracting(Finding::index).containsExactly(1);
    assertThat(r.of(VeeRule.METER_FAST)).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(2);
      assertThat(f.threshold()).isCloseTo(3.63, within(1e-9));
    });
  }

  @Test
  void registerDecreaseButNotRollover() {
    double[] reg = {100.0, 100.5, 99.0, 999_999.9, 0.4};
    double[] e = {0.1, 0.5, 0.0, 0.1, 0.5};
    VeeResult r = only(VeeRule.REGISTER_DECREASING)
        .validate(new IntervalData("m", FIFTEEN, grid(5), e, reg, null));
    // 100.5 → 99.0 is a fault; 999999.9 → 0.4 drops by more than 90 % of 10^6: a rollover
    assertThat(r.findings()).extracting(Finding::index).containsExactly(2);
  }

  @Test
  void stoppedMeterWhilePowerFlows() {
    double[] reg = {10.00, 10.00, 10.25, 10.25};
    double[] pow = {1.0, 1.0, 1.0, 0.05};
    double[] e = {0.25, 0.0, 0.25, 0.0};
    VeeResult r = only(VeeRule.STOPPED_METER).validate(new IntervalData("m", FIFTEEN, grid(4), e, reg, pow));
    // index 1: 1.0 kW × 0.25 h = 0.25 kWh expected, register unchanged; index 3: 0.05 kW is below 0.1 kW
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.index()).isEqualTo(1);
      assertThat(f.threshold()).isCloseTo(0.25, within(1e-12));
    });
  }

  @Test
  void sumCheckAgainstRegisterAdvance() {
    double[] e = filled(96, 0.1);
    double[] reg = new double[96];
    for (int i = 0; i < 96; i++) {
      reg[i] = 500 + 0.1 * i;
    }
    IntervalData ok = new IntervalData("m", FIFTEEN, grid(96), e, reg, null);
    assertThat(only(VeeRule.SUM_CHECK).validate(ok).passed()).isTrue();
    reg[95] = 510.0; // advance 10.0 vs sum of intervals 1..95 = 9.5; tolerance 0.02 + 0.01 × 10 = 0.12
    VeeResult r = only(VeeRule.SUM_CHECK).validate(new IntervalData("m", FIFTEEN, grid(96), e, reg, null));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.value()).isCloseTo(9.5, within(1e-9));
      assertThat(f.threshold()).isCloseTo(10.0, within(1e-9));
    });
  }

  @Test
  void duplicatesAndClockErrors() {
    long[] t = {MONDAY, MONDAY + Q, MONDAY + Q, MONDAY + 2 * Q + 120_000, MONDAY + Q, MONDAY + 4 * Q};
    double[] e = filled(6, 0.1);
    VeeEngine vee = new VeeEngine(VeeConfig.builder().rules(EnumSet.of(VeeRule.DUPLICATE, VeeRule.CLOCK_ERROR))
        .notAfter(Instant.ofEpochMilli(MONDAY + 4 * Q)).build());
    VeeResult r = vee.validate(IntervalData.of("m", FIFTEEN, t, e));
    assertThat(r.of(VeeRule.DUPLICATE)).extracting(Finding::index).containsExactly(2, 4);
    // index 3: 120 s off the grid; index 4: goes back; index 5: ends after notAfter
    assertThat(r.of(VeeRule.CLOCK_ERROR)).extracting(Finding::index).containsExactly(3, 4, 5);
    assertThat(r.of(VeeRule.CLOCK_ERROR).get(0).value()).isEqualTo(120.0);
  }

  @Test
  void shortGapsAreInterpolatedAndFlagged() {
    double[] e = {1.0, Double.NaN, Double.NaN, 4.0};
    EstimatedSeries s = new VeeEngine(VeeConfig.defaults()).estimate(IntervalData.of("m", FIFTEEN, grid(4), e));
    // 1 + (4 − 1) × 1/3 = 2, 1 + (4 − 1) × 2/3 = 3
    assertThat(s.values()).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(s.quality()).containsExactly(Quality.VALID, Quality.ESTIMATED, Quality.ESTIMATED, Quality.VALID);
  }

  @Test
  void longGapsUseLikeDays() {
    int days = 7; // Monday..Sunday
    double[] e = new double[96 * days];
    for (int d = 0; d < days; d++) {
      Arrays.fill(e, 96 * d, 96 * (d + 1), d + 1.0);
    }
    Arrays.fill(e, 96 * 3 + 40, 96 * 3 + 52, Double.NaN); // Thursday, 12 intervals = 3 h > 2 h
    EstimatedSeries s = new VeeEngine(VeeConfig.defaults()).estimate(IntervalData.of("m", FIFTEEN, grid(96 * days), e));
    // nearest weekdays: Wed (3) and Fri (5), Tue (2), then Mon (1) — weekend skipped: (3 + 5 + 2 + 1) / 4 = 2.75
    for (int k = 96 * 3 + 40; k < 96 * 3 + 52; k++) {
      assertThat(s.values()[k]).isEqualTo(2.75);
      assertThat(s.quality()[k]).isEqualTo(Quality.ESTIMATED);
    }
    assertThat(s.estimatedCount()).isEqualTo(12);
  }

  @Test
  void invalidActualsAreReplacedWhenTheirRuleAsksForIt() {
    double[] e = {1.0, -5.0, 3.0};
    VeeEngine vee = new VeeEngine(VeeConfig.defaults());
    IntervalData data = IntervalData.of("m", FIFTEEN, grid(3), e);
    EstimatedSeries s = vee.estimate(data, vee.validate(data));
    assertThat(s.values()).containsExactly(1.0, 2.0, 3.0);
    assertThat(s.quality()[1]).isEqualTo(Quality.ESTIMATED);
    List<Reading> readings = s.toReadings(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT));
    assertThat(readings).extracting(Reading::quality)
        .containsExactly(Quality.VALID, Quality.ESTIMATED, Quality.VALID);
  }

  @Test
  void nothingToEstimateFromLeavesNoData() {
    double[] e = {Double.NaN, Double.NaN};
    EstimatedSeries s = new VeeEngine(VeeConfig.defaults()).estimate(IntervalData.of("m", FIFTEEN, grid(2), e));
    assertThat(s.quality()).containsOnly(Quality.NO_DATA);
    assertThat(s.toReadings(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT))).noneMatch(Reading::hasValue);
  }

  /** Random data with holes never breaks validation, and estimation never alters an actual. */
  @Property(tries = 200, seed = "645")
  void robustOnArbitraryData(@ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -2, max = 10) Double> raw) {
    double[] e = new double[raw.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = raw.get(i) > 8 ? Double.NaN : raw.get(i);
    }
    IntervalData data = IntervalData.of("m", FIFTEEN, grid(e.length), e);
    VeeEngine vee = new VeeEngine(VeeConfig.defaults());
    VeeResult r = vee.validate(data);
    EstimatedSeries s = vee.estimate(data, r);
    for (int i = 0; i < e.length; i++) {
      if (s.quality()[i] == Quality.VALID) {
        assertThat(s.values()[i]).isEqualTo(e[i]);
      }
      assertThat(Double.isNaN(s.values()[i])).isEqualTo(!s.quality()[i].hasValue());
      if (e[i] < 0) {
        assertThat(s.quality()[i]).isNotEqualTo(Quality.VALID);
      }
    }
  }
}
