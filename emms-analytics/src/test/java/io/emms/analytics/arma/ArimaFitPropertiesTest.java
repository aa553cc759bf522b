package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Fitting arbitrary short, gappy series: a finite fit or an IllegalArgumentException, nothing else. */
class ArimaFitPropertiesTest {

  @Provide
  Arbitrary<double[]> series() {
    Arbitrary<Double> value = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.doubles().between(-50, 50)),
        Tuple.of(2, Arbitraries.just(Double.NaN)),
        Tuple.of(1, Arbitraries.just(7.0)));
    return value.array(double[].class).ofMaxSize(80);
  }

  @Property(tries = 150, seed = "645")
  void fitIsFiniteOrRejected(@ForAll("series") double[] y, @ForAll @IntRange(max = 2) int p,
      @ForAll @IntRange(max = 1) int d, @ForAll @IntRange(max = 2) int q, @ForAll boolean mean) {
    ArimaConfig config = ArimaConfig.of(ArimaOrder.of(p, d, q), mean && d == 0);
    ArimaFit fit;
    try {
      fit = Arima.fit(y, config);
    } catch (IllegalArgumentException rejected) {
      return;
    }
    assertThat(fit.logLikelihood()).isFinite();
    assertThat(fit.model().sigma2()).isPositive();
    assertThat(fit.observations()).isGreaterThan(fit.parameterCount());
    Forecast f = fit.model().forecast(y, 3);
    assertThat(java.util.Arrays.stream(f.mean())).allMatch(Double::isFinite);
    assertThat(java.util.Arrays.stream(f.se())).allMatch(se -> se > 0);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void constantSeriesAreRejectedWithAMessage(@ForAll @IntRange(min = 10, max = 50) int n) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, 3.5);
    assertThatThrownBy(() -> Arima.fit(y, ArimaOrder.of(1, 0, 0), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
  }
}
