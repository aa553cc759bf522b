package io.emms.analytics.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class GridFuzzTest {

  /** Arbitrary measurements with holes: assessment and advice never throw, and only real violations get advice. */
  @Property(tries = 200, seed = "645")
  void assessmentAndAdviceNeverThrow(
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -10, max = 500) Double> raw) {
    int n = raw.size();
    double[] v = new double[n];
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = raw.get(i) < 0 ? Double.NaN : raw.get(i);
      t[i] = i * 60_000L;
    }
    double[] shifted = new double[n];
    for (int i = 0; i < n; i++) {
      shifted[i] = v[(i + 1) % n];
    }
    GridSeries s = GridSeries.builder(t, Duration.ofMinutes(1), 220).ratedKva(100).ua(v).ub(shifted).uc(v)
        .ia(shifted).ib(v).ic(v).p(v).q(shifted).f(v).thd(shifted).build();
    IndexLimits limits = IndexLimits.defaults();
    GridAssessment a = new GridIndexCalculator(limits).assess(s);
    List<Advice> advice = new AdviceEngine(limits).advise(a);
    assertThat(advice).hasSize(a.violations().size());
    assertThat(advice).allSatisfy(ad -> assertThat(ad.text()).contains(ad.index().label()));
  }
}
