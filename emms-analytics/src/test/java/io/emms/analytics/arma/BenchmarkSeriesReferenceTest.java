package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The benchmark series (n = 35 040) against statsmodels: the regenerated series is bit-identical to the Python one,
 * the long-run filter with its steady-state switch matches at fixed parameters, and the fit reaches the optimum.
 */
class BenchmarkSeriesReferenceTest {

  private final double[] y = SimulatedArma.benchmarkSeries();

  @Test
  void seriesIsRegeneratedBitForBit() {
    assertThat(Arrays.copyOf(y, 3)).containsExactly(bench().get("first_values"));
  }

  @Test
  void likelihoodAndForecastsAtTheTrueParametersMatchStatsmodels() {
    ArimaModel truth = new ArimaModel(ArimaOrder.of(2, 0, 1), new double[] {0.5, 0.3}, new double[] {0.4}, 5, 1);
    assertThat(truth.logLikelihood(y)).isCloseTo(bench().scalar("sm_loglik_at_true"), within(1e-6));
    Forecast f = truth.forecast(y, 96);
    assertThat(f.mean()).containsExactly(bench().get("sm_forecast_at_true"), within(1e-6));
    assertThat(f.se()).containsExactly(bench().get("sm_forecast_se_at_true"), within(1e-6));
  }

  @Test
  void fitReachesThePolishedStatsmodelsOptimum() {
    double[] sm = bench().get("sm_fit_params");
    ArimaFit fit = Arima.fit(y, ArimaOrder.of(2, 0, 1), true);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.model().mean()).isCloseTo(sm[0], within(1e-4));
    assertThat(fit.model().ar()).containsExactly(new double[] {sm[1], sm[2]}, within(1e-4));
    assertThat(fit.model().ma()).containsExactly(new double[] {sm[3]}, within(1e-4));
    assertThat(fit.model().sigma2()).isCloseTo(sm[4], within(1e-4 * sm[4]));
    assertThat(fit.logLikelihood()).isCloseTo(bench().scalar("sm_fit_loglik"), within(1e-6));
  }

  private static ReferenceCase bench() {
    return ReferenceCase.loadReferenceOnly("bench");
  }
}
