package io.emms.analytics.arma;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Result of an exact maximum-likelihood ARIMA fit.
 *
 * @param model          the fitted model (coefficients, mean, sigma2 = the maximum-likelihood innovation variance)
 * @param meanEstimated  whether the mean was estimated (else it is fixed at zero)
 * @param logLikelihood  maximised exact Gaussian log-likelihood
 * @param aic            {@code -2 loglik + 2k}
 * @param aicc           {@code aic + 2k(k+1)/(n-k-1)}
 * @param bic            {@code -2 loglik + k ln n}
 * @param standardErrors from the inverse numerical Hessian of the log-likelihood; NaN if not computed or not
 *                       positive definite
 * @param observations   n, the number of observations in the likelihood (non-missing, after differencing)
 * @param iterations     optimiser iterations
 * @param converged      whether the optimiser met its gradient tolerance
 */
public record ArimaFit(ArimaModel model, boolean meanEstimated, double logLikelihood, double aic, double aicc, double bic,
    StandardErrors standardErrors, int observations, int iterations, boolean converged)
    implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public ArimaFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(standardErrors, "standardErrors");
  }

  /**
   * Standard errors of the estimates, in the order of the model's coefficients.
   *
   * @param mean   NaN when no mean was estimated
   * @param sigma2 asymptotic {@code sigma2 * sqrt(2 / n)}
   */
  public record StandardErrors(double[] ar, double[] ma, double mean, double sigma2) implements Serializable {

    /** Checks the components (see the class description for their meaning). */
    public StandardErrors {
      ar = ar.clone();
      ma = ma.clone();
    }

    @Override
    public double[] ar() {
      return ar.clone();
    }

    @Override
    public double[] ma() {
      return ma.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StandardErrors other && Arrays.equals(ar, other.ar) && Arrays.equals(ma, other.ma)
          && Double.compare(mean, other.mean) == 0 && Double.compare(sigma2, other.sigma2) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(ar), Arrays.hashCode(ma), mean, sigma2);
    }
  }

  /** The fitted order. */
  public ArimaOrder order() {
    return model.order();
  }

  /** k, the number of estimated parameters: p + q, the mean if estimated, and sigma2. */
  public int parameterCount() {
    return parameterCount(model.order(), meanEstimated);
  }

  static int parameterCount(ArimaOrder order, boolean mean) {
    return order.p() + order.q() + (mean ? 1 : 0) + 1;
  }
}
