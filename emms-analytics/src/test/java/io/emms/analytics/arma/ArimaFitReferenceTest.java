package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Maximum-likelihood fits against tight-tolerance references: R's {@code arima(method = "ML", reltol = 1e-14)} for
 * d = 0, and statsmodels with an exact diffuse prior for d > 0 (R's kappa = 1e6 prior moves its optimum slightly).
 */
class ArimaFitReferenceTest {

  static Stream<ReferenceCase> cases() {
    return ReferenceCase.NAMES.stream().map(ReferenceCase::load);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void coefficientsAndLogLikelihoodMatchTheReferenceOptimum(ReferenceCase c) {
    ArimaFit fit = Arima.fit(c.y(), c.order(), c.includeMean());
    Expected e = Expected.of(c);

    assertThat(fit.converged()).isTrue();
    assertThat(fit.model().ar()).containsExactly(e.ar, within(1e-4));
    assertThat(fit.model().ma()).containsExactly(e.ma, within(1e-4));
    assertThat(fit.model().mean()).isCloseTo(e.mean, within(1e-4 * Math.max(1, Math.abs(e.mean))));
    assertThat(fit.model().sigma2()).isCloseTo(e.sigma2, within(1e-4 * e.sigma2));
    assertThat(fit.logLikelihood()).isCloseTo(e.loglik, within(1e-6));
    assertThat(fit.observations()).isEqualTo((int) c.scalar("nobs"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void informationCriteriaFollowFromTheLikelihood(ReferenceCase c) {
    ArimaFit fit = Arima.fit(c.y(), c.order(), c.includeMean());
    int k = fit.parameterCount();
    int n = fit.observations();
    assertThat(k).isEqualTo(c.order().p() + c.order().q() + (c.includeMean() ? 1 : 0) + 1);
    assertThat(fit.aic()).isCloseTo(-2 * fit.logLikelihood() + 2 * k, within(1e-9));
    assertThat(fit.bic()).isCloseTo(-2 * fit.logLikelihood() + k * Math.log(n), within(1e-9));
    assertThat(fit.aicc()).isCloseTo(fit.aic() + 2.0 * k * (k + 1) / (n - k - 1), within(1e-9));
    if (c.order().d() == 0) {
      assertThat(fit.aic()).isCloseTo(c.scalar("r_aic"), within(2e-6));
      assertThat(fit.bic()).isCloseTo(c.scalar("r_bic"), within(2e-6));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void standardErrorsMatchStatsmodelsHessian(ReferenceCase c) {
    ArimaFit fit = Arima.fit(c.y(), c.order(), c.includeMean());
    double[] bse = c.get("sm_bse_at_r");
    int offset = c.includeMean() ? 1 : 0;
    double[] expectedAr = Arrays.copyOfRange(bse, offset, offset + c.order().p());
    double[] expectedMa = Arrays.copyOfRange(bse, offset + c.order().p(), bse.length);
    ArimaFit.StandardErrors se = fit.standardErrors();
    for (int i = 0; i < expectedAr.length; i++) {
      assertThat(se.ar()[i]).as("se ar%d", i + 1).isCloseTo(expectedAr[i], within(1e-4 * expectedAr[i]));
    }
    for (int i = 0; i < expectedMa.length; i++) {
      assertThat(se.ma()[i]).as("se ma%d", i + 1).isCloseTo(expectedMa[i], within(1e-4 * expectedMa[i]));
    }
    if (c.includeMean()) {
      assertThat(se.mean()).isCloseTo(bse[0], within(1e-4 * bse[0]));
    } else {
      assertThat(se.mean()).isNaN();
    }
    assertThat(se.sigma2()).isCloseTo(fit.model().sigma2() * Math.sqrt(2.0 / fit.observations()), within(1e-12));
  }

  /** The reference optimum: R for d = 0, statsmodels (exact diffuse prior) for d > 0. */
  private record Expected(double[] ar, double[] ma, double mean, double sigma2, double loglik) {
    static Expected of(ReferenceCase c) {
      int p = c.order().p();
      int q = c.order().q();
      if (c.order().d() == 0) {
        return new Expected(c.get("r_ar"), c.get("r_ma"), c.meanOrZero("r_mean"), c.scalar("r_sigma2"),
            c.scalar("r_loglik"));
      }
      double[] sm = c.get("sm_fit_params");
      return new Expected(Arrays.copyOfRange(sm, 0, p), Arrays.copyOfRange(sm, p, p + q), 0, sm[p + q],
          c.scalar("sm_fit_loglik"));
    }
  }
}
