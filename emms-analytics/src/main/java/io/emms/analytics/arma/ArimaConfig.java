package io.emms.analytics.arma;

import java.util.Objects;

/**
 * What to fit and how hard to try.
 *
 * @param order                the model order
 * @param includeMean          estimate a process mean (regression with ARMA errors); only allowed when d = 0
 * @param maxIterations        BFGS iteration limit
 * @param gradientTolerance    convergence threshold on the gradient of -loglik/n in the unconstrained parameters
 * @param steadyStateTolerance relative change of the Kalman covariance below which the gain is frozen
 * @param standardErrors       compute standard errors from the numerical Hessian (costs about (k+1)^2 likelihoods)
 */
public record ArimaConfig(ArimaOrder order, boolean includeMean, int maxIterations, double gradientTolerance,
    double steadyStateTolerance, boolean standardErrors) {

  /** Checks the components (see the class description for their meaning). */
  public ArimaConfig {
    Objects.requireNonNull(order, "order");
    if (includeMean && order.d() > 0) {
      throw new IllegalArgumentException("a mean is only estimated for d = 0 (as in R and statsmodels)");
    }
    if (maxIterations < 0 || !(gradientTolerance > 0) || !(steadyStateTolerance >= 0)) {
      throw new IllegalArgumentException("invalid optimiser settings");
    }
  }

  /** Starts a builder for the given order, without a mean. */
  public static Builder builder(ArimaOrder order) {
    return new Builder(order);
  }

  /** Default settings for the given order and mean. */
  public static ArimaConfig of(ArimaOrder order, boolean includeMean) {
    return builder(order).includeMean(includeMean).build();
  }

  /** Builder with defaults: no mean, 200 iterations, gradient tolerance 1e-8, steady-state tolerance 1e-13. */
  public static final class Builder {
    private final ArimaOrder order;
    private boolean includeMean;
    private int maxIterations = 200;
    private double gradientTolerance = 1e-8;
    private double steadyStateTolerance = 1e-13;
    private boolean standardErrors = true;

    private Builder(ArimaOrder order) {
      this.order = order;
    }

    /** Sets {@code includeMean}: estimate a process mean (regression with ARMA errors); only allowed when d = 0. */
    public Builder includeMean(boolean includeMean) {
      this.includeMean = includeMean;
      return this;
    }

    /** Sets {@code maxIterations}: BFGS iteration limit. */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets {@code gradientTolerance}: convergence threshold on the gradient of -loglik/n in the unconstrained
     * parameters.
     */
    public Builder gradientTolerance(double gradientTolerance) {
      this.gradientTolerance = gradientTolerance;
      return this;
    }

    /** Sets {@code steadyStateTolerance}: relative change of the Kalman covariance below which the gain is frozen. */
    public Builder steadyStateTolerance(double steadyStateTolerance) {
      this.steadyStateTolerance = steadyStateTolerance;
      return this;
    }

    /**
     * Sets {@code standardErrors}: compute standard errors from the numerical Hessian (costs about (k+1)^2
     * likelihoods).
     */
    public Builder standardErrors(boolean standardErrors) {
      this.standardErrors = standardErrors;
      return this;
    }

    public ArimaConfig build() {
      return new ArimaConfig(order, includeMean, maxIterations, gradientTolerance, steadyStateTolerance,
          standardErrors);
    }
  }
}
