package io.emms.analytics.arma;

import io.emms.analytics.arma.internal.ArmaFilter;
import io.emms.analytics.arma.internal.ArmaStateSpace;
import java.io.Serializable;

/**
 * Streaming one-step-ahead predictor for one series (one meter): feed values in time order, read the prediction of
 * the next value and its error variance. It is the exact Kalman filter of {@link ArimaModel#predictions}, so
 * feeding a whole series reproduces those predictions.
 *
 * <pre>{@code
 * ArmaPredictor predictor = model.predictor();
 * for (double value : stream) {
 *     double z = predictor.update(value);      // standardized residual of value, NaN if missing
 *     if (Math.abs(z) > 4) { ... }             // e.g. an anomaly
 * }
 * double next = predictor.prediction();        // forecast of the value to come
 * }</pre>
 *
 * <p>The state is (r + d) values and an (r + d)^2 covariance, r = max(p, q + 1); once the covariance has converged
 * an update costs O(r + d). Missing values (NaN) are skipped exactly. For d > 0 the first d consecutive observed
 * values only prime the differencing (a gap before then restarts the priming) and get no residual. Not
 * thread-safe: use one instance per series; instances are serialisable to checkpoint streaming jobs.
 */
public final class ArmaPredictor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double mean;
  private final double sigma2;
  private final int d;
  private final double[] levels;
  private final ArmaFilter filter;
  private int collected;

  ArmaPredictor(ArimaModel model, ArmaStateSpace stateSpace, double tolerance) {
    this.mean = model.mean();
    this.sigma2 = model.sigma2();
    this.d = model.order().d();
    this.levels = new double[d];
    this.filter = new ArmaFilter(stateSpace, stateSpace.stationaryCovariance(), false, tolerance);
  }

  /** True once the predictor has seen enough values to predict (always for d = 0). */
  public boolean ready() {
    return collected == d;
  }

  /** Prediction of the next value; NaN while not {@link #ready()}. */
  public double prediction() {
    return ready() ? mean + filter.predictedMean() : Double.NaN;
  }

  /** Error variance of {@link #prediction()}; NaN while not {@link #ready()}. */
  public double variance() {
    return ready() ? sigma2 * filter.predictedVariance() : Double.NaN;
  }

  /**
   * Feeds the next value of the series (NaN = missing).
   *
   * @return the standardized residual {@code (value - prediction()) / sqrt(variance())} computed before the
   *         update, or NaN if the value is missing or the predictor was not ready
   */
  public double update(double value) {
    if (!ready()) {
      prime(value);
      return Double.NaN;
    }
    double z = (value - prediction()) / Math.sqrt(variance());
    filter.step(value - mean);
    return z;
  }

  /** Collects the first d consecutive levels that condition the differenced filter. */
  private void prime(double value) {
    if (Double.isNaN(value)) {
      collected = 0;
      return;
    }
    System.arraycopy(levels, 0, levels, 1, d - 1);
    levels[0] = value;
    collected++;
    if (collected == d) {
      filter.setLevels(levels);
    }
  }
}
