package io.emms.analytics.arma;

import io.emms.analytics.arma.internal.ArmaFilter;
import io.emms.analytics.arma.internal.ArmaLikelihood;
import io.emms.analytics.arma.internal.ArmaStateSpace;
import io.emms.analytics.arma.internal.StationaryTransform;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * An ARIMA model with known parameters: {@code phi(B) (1 - B)^d (y - mean) = theta(B) eps}, eps ~ N(0, sigma2),
 * {@code phi(B) = 1 - ar[0] B - ...}, {@code theta(B) = 1 + ma[0] B + ...} (the R and statsmodels convention).
 *
 * <p>Immutable and serialisable. All methods take the series as {@code double[]} with NaN for missing values;
 * for d > 0 the filter is conditioned on the first d consecutive observed levels, which get no prediction.
 *
 * @param order  the order; {@code ar.length == p}, {@code ma.length == q}
 * @param ar     AR coefficients, stationary
 * @param ma     MA coefficients
 * @param mean   process mean, zero when d > 0
 * @param sigma2 innovation variance
 */
public record ArimaModel(ArimaOrder order, double[] ar, double[] ma, double mean, double sigma2)
    implements Serializable {

  private static final double FILTER_TOLERANCE = 1e-13;

  /** Checks the components (see the class description for their meaning). */
  public ArimaModel {
    Objects.requireNonNull(order, "order");
    ar = ar.clone();
    ma = ma.clone();
    if (ar.length != order.p() || ma.length != order.q()) {
      throw new IllegalArgumentException("coefficient counts do not match " + order);
    }
    if (!StationaryTransform.isStationary(ar)) {
      throw new IllegalArgumentException("AR coefficients are not stationary: " + Arrays.toString(ar));
    }
    if (order.d() > 0 && mean != 0) {
      throw new IllegalArgumentException("the mean must be zero when d > 0");
    }
    if (!(sigma2 > 0) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException("sigma2 must be positive and the mean finite");
    }
  }

  @Override
  public double[] ar() {
    return ar.clone();
  }

  @Override
  public double[] ma() {
    return ma.clone();
  }

  /**
   * Exact Gaussian log-likelihood of {@code y} under this model (with this sigma2, not profiled).
   *
   * @throws IllegalArgumentException if y has fewer than d consecutive observed values
   */
  public double logLikelihood(double[] y) {
    double[] sum = new double[1];
    ArmaLikelihood.filter(stateSpace(), y, mean, FILTER_TOLERANCE, (t, prediction, variance, observed) -> {
      if (observed) {
        double v = y[t] - prediction;
        double f = sigma2 * variance;
        sum[0] += -0.5 * (Math.log(2 * Math.PI * f) + v * v / f);
      }
    });
    return sum[0];
  }

  /**
   * One-step-ahead predictions of every value of {@code y} from the values before it, as the Kalman filter sees
   * them; entries before the filter starts (the first d levels) are NaN, and residuals of missing values are NaN.
   */
  public OneStepPredictions predictions(double[] y) {
    int n = y.length;
    double[] prediction = nanArray(n);
    double[] variance = nanArray(n);
    double[] residual = nanArray(n);
    ArmaLikelihood.filter(stateSpace(), y, mean, FILTER_TOLERANCE, (t, pred, var, observed) -> {
      prediction[t] = pred;
      variance[t] = sigma2 * var;
      if (observed) {
        residual[t] = (y[t] - pred) / Math.sqrt(sigma2 * var);
      }
    });
    return new OneStepPredictions(prediction, variance, residual);
  }

  /** Forecasts {@code horizon} steps after the end of {@code y} with 95 % intervals. */
  public Forecast forecast(double[] y, int horizon) {
    return forecast(y, horizon, 0.95);
  }

  /**
   * Forecasts {@code horizon} steps after the end of {@code y}; for d > 0 the forecasts are of the levels.
   *
   * @param level coverage of the intervals, in (0, 1)
   */
  public Forecast forecast(double[] y, int horizon, double level) {
    if (horizon < 0 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("horizon must be >= 0 and level in (0, 1)");
    }
    ArmaFilter filter = ArmaLikelihood.filter(stateSpace(), y, mean, FILTER_TOLERANCE,
        (t, prediction, variance, observed) -> { });
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    double[] point = new double[horizon];
    double[] se = new double[horizon];
    double[] lower = new double[horizon];
    double[] upper = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      point[h] = mean + filter.predictedMean();
      se[h] = Math.sqrt(sigma2 * filter.predictedVariance());
      lower[h] = point[h] - z * se[h];
      upper[h] = point[h] + z * se[h];
      filter.step(Double.NaN);
    }
    return new Forecast(point, se, lower, upper, level);
  }

  /** A streaming one-step predictor starting from the unconditional state of this model. */
  public ArmaPredictor predictor() {
    return new ArmaPredictor(this, stateSpace(), FILTER_TOLERANCE);
  }

  ArmaStateSpace stateSpace() {
    return new ArmaStateSpace(ar, ma, order.d());
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArimaModel other && order.equals(other.order) && Arrays.equals(ar, other.ar)
        && Arrays.equals(ma, other.ma) && Double.compare(mean, other.mean) == 0
        && Double.compare(sigma2, other.sigma2) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(order, Arrays.hashCode(ar), Arrays.hashCode(ma), mean, sigma2);
  }

  @Override
  public String toString() {
    return order + "[ar=" + Arrays.toString(ar) + ", ma=" + Arrays.toString(ma) + ", mean=" + mean
        + ", sigma2=" + sigma2 + "]";
  }
}
