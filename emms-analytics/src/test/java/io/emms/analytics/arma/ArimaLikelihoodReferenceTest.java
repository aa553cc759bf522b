package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kalman filter alone, at fixed parameters (R's optimum), against statsmodels evaluated at the same
 * parameters: log-likelihood, forecasts with intervals and one-step predictions. No optimiser involved.
 */
class ArimaLikelihoodReferenceTest {

  static Stream<ReferenceCase> cases() {
    return ReferenceCase.NAMES.stream().map(ReferenceCase::load);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void logLikelihoodAtFixedParametersMatchesStatsmodels(ReferenceCase c) {
    assertThat(c.rModel().logLikelihood(c.y())).isCloseTo(c.scalar("sm_loglik_at_r"), within(1e-6));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forecastsAtFixedParametersMatchStatsmodels(ReferenceCase c) {
    double[] expected = c.get("sm_forecast_at_r");
    Forecast f = c.rModel().forecast(c.y(), expected.length);
    assertThat(f.horizon()).isEqualTo(expected.length);
    assertThat(f.mean()).containsExactly(expected, within(1e-6));
    assertThat(f.se()).containsExactly(c.get("sm_forecast_se_at_r"), within(1e-6));
    assertThat(f.lower()).containsExactly(c.get("sm_lower95_at_r"), within(1e-6));
    assertThat(f.upper()).containsExactly(c.get("sm_upper95_at_r"), within(1e-6));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oneStepPredictionsMatchStatsmodelsAfterTheFirstDLevels(ReferenceCase c) {
    int d = c.order().d();
    OneStepPredictions predictions = c.rModel().predictions(c.y());
    double[] expected = c.get("sm_onestep_at_r");
    double[] expectedVariance = c.get("sm_onestep_var_at_r");
    double[] prediction = predictions.prediction();
    double[] variance = predictions.variance();
    double[] residual = predictions.standardizedResidual();
    for (int t = 0; t < d; t++) {
      assertThat(prediction[t]).isNaN();
    }
    for (int t = d; t < c.y().length; t++) {
      assertThat(prediction[t]).as("prediction %d", t).isCloseTo(expected[t], within(1e-6));
      assertThat(variance[t]).as("variance %d", t)
          .isCloseTo(expectedVariance[t], within(1e-9 * expectedVariance[t]));
      if (Double.isNaN(c.y()[t])) {
        assertThat(residual[t]).isNaN();
      } else {
        assertThat(residual[t]).isCloseTo((c.y()[t] - expected[t]) / Math.sqrt(expectedVariance[t]),
            within(1e-6));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forecastsMatchRsPredictForStationaryModels(ReferenceCase c) {
    // R's predict() agrees with statsmodels for d = 0; for d > 0 its kappa = 1e6 diffuse prior differs slightly
    double[] expected = c.get("r_forecast");
    Forecast f = c.rModel().forecast(c.y(), expected.length);
    double tolerance = c.order().d() == 0 ? 1e-6 : 1e-2;
    assertThat(f.mean()).containsExactly(expected, within(tolerance));
    assertThat(f.se()).containsExactly(c.get("r_forecast_se"), within(tolerance));
  }
}
