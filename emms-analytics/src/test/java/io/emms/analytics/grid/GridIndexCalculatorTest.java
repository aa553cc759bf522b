package io.emms.analytics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridIndexCalculatorTest {

  private static double[] constant(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  private static long[] minutes(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_767_225_600_000L + i * 60_000L;
    }
    return t;
  }

  private static GridSeries unhealthy() {
    int n = 20;
    return GridSeries.builder(minutes(n), Duration.ofMinutes(1), 220).ratedKva(125)
        .ua(constant(n, 220)).ub(constant(n, 204.1)).uc(constant(n, 217.3))
        .ia(constant(n, 60)).ib(constant(n, 45)).ic(constant(n, 30))
        .p(constant(n, 100)).q(constant(n, 400.0 / 3)).f(constant(n, 50.05)).thd(constant(n, 3.0))
        .build();
  }

  @Test
  void assessesEveryMeasuredIndex() {
    GridAssessment a = new GridIndexCalculator(IndexLimits.defaults()).assess(unhealthy());
    // unbalance 2.29758 % in every sample: 95th percentile = 2.29758 > 2 %
    assertThat(a.of(GridIndex.VOLTAGE_UNBALANCE)).singleElement()
        .satisfies(v -> assertThat(v.value()).isCloseTo(2.29758, within(5e-6)));
    // (60 − 30) / 60 = 50 %
    assertThat(a.of(GridIndex.CURRENT_UNBALANCE).get(0).value()).isEqualTo(50.0);
    assertThat(a.of(GridIndex.CURRENT_UNBALANCE).get(0).detail()).contains("phase A most").contains("phase C least");
    // cos φ = 100 / √(100² + 133.33²) = 100 / 166.67 = 0.6
    assertThat(a.of(GridIndex.POWER_FACTOR).get(0).value()).isCloseTo(0.6, within(1e-9));
    // S = 166.67 kVA on 125 kVA: 133.33 %
    assertThat(a.of(GridIndex.LOAD_RATE).get(0).value()).isCloseTo(133.333333, within(1e-5));
    assertThat(a.of(GridIndex.FREQUENCY_DEVIATION).get(0).value()).isCloseTo(0.05, within(1e-9));
    // 220, 204.1 (−7.23 %), 217.3: all within +7/−10, so 100 % qualified
    assertThat(a.qualification()).get().satisfies(q -> assertThat(q.ratePercent()).isEqualTo(100.0));
    assertThat(a.violations()).extracting(IndexValue::index).containsExactlyInAnyOrder(GridIndex.VOLTAGE_UNBALANCE,
        GridIndex.CURRENT_UNBALANCE, GridIndex.POWER_FACTOR, GridIndex.LOAD_RATE);
  }

  @Test
  void adviceNamesIndexValueLimitAndAction() {
    IndexLimits limits = IndexLimits.defaults();
    GridAssessment a = new GridIndexCalculator(limits).assess(unhealthy());
    List<Advice> advice = new AdviceEngine(limits).advise(a);
    assertThat(advice).extracting(Advice::index).containsExactly(GridIndex.CURRENT_UNBALANCE, GridIndex.POWER_FACTOR,
        GridIndex.LOAD_RATE, GridIndex.VOLTAGE_UNBALANCE);
    assertThat(advice.get(0).severity()).isEqualTo(Severity.CRITICAL); // 50 % > 2 × 15 %
    assertThat(advice.get(0).text()).contains("current unbalance is 50.00 % against a limit of 15.00 %")
        .contains("move single-phase customers");
    // Qc = 100 × (1.3333 − 0.4843) = 84.9 kvar
    assertThat(advice.get(1).text()).contains("power factor is 0.60").contains("0.90").contains("84.9 kvar");
    assertThat(advice.get(2).text()).contains("overloaded");
    assertThat(advice.get(3).severity()).isEqualTo(Severity.WARNING); // 2.30 % is under the 4 % short-time limit
    assertThat(advice.get(3).text()).contains("2.30 %").contains("2.00 %").contains("rebalance single-phase loads");
  }

  @Test
  void lineLossAdvice() {
    IndexLimits limits = IndexLimits.defaults();
    IndexValue loss = new GridIndexCalculator(limits).lineLoss(1000, 850); // 150 / 1000 = 15 % > 10 %
    assertThat(loss.value()).isCloseTo(15, within(1e-12));
    List<Advice> advice = new AdviceEngine(limits).advise(List.of(loss));
    assertThat(advice).singleElement().satisfies(ad -> assertThat(ad.text()).contains("15.00 %").contains("10.00 %")
        .contains("theft"));
  }

  @Test
  void lowVoltageGetsTapAdviceAndMissingDataIsSkipped() {
    double[] u = {220, 195, 196, 220, Double.NaN};
    GridSeries s = GridSeries.builder(minutes(5), Duration.ofMinutes(1), 220).ua(u).build();
    IndexLimits limits = IndexLimits.defaults();
    GridAssessment a = new GridIndexCalculator(limits).assess(s);
    // 4 monitored minutes, 2 below −10 % (195 V: −11.36 %, 196 V: −10.91 %): (1 − 2/4) × 100 = 50 %
    assertThat(a.qualification()).get().satisfies(q -> {
      assertThat(q.monitoredMinutes()).isEqualTo(4);
      assertThat(q.ratePercent()).isEqualTo(50.0);
    });
    List<Advice> advice = new AdviceEngine(limits).advise(a);
    assertThat(advice).extracting(Advice::index)
        .containsExactlyInAnyOrder(GridIndex.VOLTAGE_DEVIATION, GridIndex.VOLTAGE_QUALIFICATION_RATE);
    assertThat(advice).anySatisfy(ad -> assertThat(ad.text()).contains("raise the distribution transformer tap"));
    assertThat(a.of(GridIndex.CURRENT_UNBALANCE)).isEmpty();
  }

  @Test
  void percentileIsNearestRank() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[i] = i + 1;
    }
    assertThat(GridIndexCalculator.percentile95(v)).isEqualTo(19.0); // rank ⌈0.95 × 20⌉ = 19
  }
}
