package io.emms.analytics.arma.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Fuzzing the likelihood: arbitrary admissible parameters and series full of gaps and extreme values. */
class ArmaLikelihoodPropertiesTest {

  @Provide
  Arbitrary<double[]> series() {
    Arbitrary<Double> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(-1e3, 1e3)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Double.NaN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, 1e12, -1e12)));
    return value.array(double[].class).ofMaxSize(300);
  }

  @Property(tries = 300, seed = "645")
  void neverThrowsAndIsFiniteWhenSomethingIsObserved(@ForAll("series") double[] y,
      @ForAll @IntRange(max = 3) int p,
      @ForAll @IntRange(max = 2) int d,
      @ForAll @IntRange(max = 3) int q,
      @ForAll @Size(value = 6) double[] raw,
      @ForAll boolean profileMean) {
    double[] ar = StationaryTransform.toAr(bounded(raw, 0, p));
    double[] ma = StationaryTransform.toMa(bounded(raw, 3, q));
    boolean mean = profileMean && d == 0;
    ArmaLikelihood.Value v = ArmaLikelihood.evaluate(ar, ma, d, y, mean, 0, 1e-13);
    assertThat(Double.isInfinite(v.logLikelihood())).isFalse();
    if (!Double.isNaN(v.logLikelihood())) {
      assertThat(v.sigma2()).isPositive();
    }
    int start = ArmaLikelihood.firstFilteredIndex(y, d);
    long observed = start < 0 ? 0 : Arrays.stream(y, start, y.length).filter(x -> !Double.isNaN(x)).count();
    assertThat(v.used()).isEqualTo((int) observed);
  }

  @Property(tries = 100, seed = "645")
  void steadyStateSwitchDoesNotMoveTheLikelihood(@ForAll @IntRange(min = 50, max = 400) int n,
      @ForAll @Size(value = 5) double[] raw,
      @ForAll @IntRange(max = 1) int d) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = Math.sin(0.3 * t) + 0.5 * Math.cos(1.7 * t * t) + (t % 17 == 5 ? Double.NaN : 0);
    }
    double[] ar = StationaryTransform.toAr(bounded(raw, 0, 2));
    double[] ma = StationaryTransform.toMa(bounded(raw, 2, 2));
    double exact = ArmaLikelihood.evaluate(ar, ma, d, y, d == 0, 0, 0).logLikelihood();
    double fast = ArmaLikelihood.evaluate(ar, ma, d, y, d == 0, 0, 1e-13).logLikelihood();
    assertThat(fast).isCloseTo(exact, within(1e-7 * Math.max(1, Math.abs(exact))));
  }

  private static double[] bounded(double[] raw, int from, int count) {
    double[] u = new double[count];
    for (int i = 0; i < count; i++) {
      double x = raw[from + i];
      u[i] = Double.isFinite(x) ? Math.max(-8, Math.min(8, x)) : 0.1;
    }
    return u;
  }
}
