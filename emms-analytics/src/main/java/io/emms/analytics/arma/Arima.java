package io.emms.analytics.arma;

import io.emms.analytics.arma.internal.ArmaLikelihood;
import io.emms.analytics.arma.internal.Bfgs;
import io.emms.analytics.arma.internal.HannanRissanen;
import io.emms.analytics.arma.internal.StationaryTransform;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Exact maximum-likelihood fitting of ARIMA(p, d, q) models, reproducing R's {@code arima(method = "ML")} and
 * statsmodels' {@code ARIMA}.
 *
 * <p>The likelihood comes from a Kalman filter on the Harvey state-space form, started from the stationary
 * covariance (exact discrete Lyapunov solution) and switching to a frozen gain once the covariance converges; sigma2
 * is profiled out and the mean, when estimated, is profiled out by GLS, so BFGS only searches the AR and MA
 * coefficients, through the partial-autocorrelation map that keeps them stationary and invertible. Start values
 * come from Hannan–Rissanen. Missing values (NaN) are skipped in the likelihood. For d > 0 the likelihood is that
 * of the differenced series and no mean is estimated.
 *
 * <pre>{@code
 * ArimaFit fit = Arima.fit(y, ArimaConfig.of(ArimaOrder.of(2, 0, 1), true));
 * Forecast f = fit.model().forecast(y, 96);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Arima {

  private static final double HESSIAN_STEP = 1e-4;

  private Arima() {
  }

  /** Fits with default settings. */
  public static ArimaFit fit(double[] y, ArimaOrder order, boolean includeMean) {
    return fit(y, ArimaConfig.of(order, includeMean));
  }

  /**
   * Fits an ARIMA model by exact maximum likelihood.
   *
   * @param y series, NaN = missing
   * @throws IllegalArgumentException if there are not more observations than parameters
   */
  public static ArimaFit fit(double[] y, ArimaConfig config) {
    Objects.requireNonNull(y, "y");
    ArimaOrder order = config.order();
    int p = order.p();
    int q = order.q();
    int d = order.d();
    boolean withMean = config.includeMean();
    double tolerance = config.steadyStateTolerance();
    int k = ArimaFit.parameterCount(order, withMean);
    int n = ArmaLikelihood.evaluate(new double[0], new double[0], d, y, withMean, 0, tolerance).used();
    if (n <= k) {
      throw new IllegalArgumentException("need more than " + k + " observations for " + order + ", got " + n);
    }
    requireVariation(difference(y, d), withMean, order);
    double[] start = startValues(y, order, withMean);
    Bfgs.Result result = new Bfgs(u -> {
      double[][] coefficients = coefficients(u, p, q);
      return -ArmaLikelihood.evaluate(coefficients[0], coefficients[1], d, y, withMean, 0, tolerance)
          .logLikelihood() / n;
    }, config.maxIterations(), config.gradientTolerance()).minimize(start);
    double[][] coefficients = coefficients(result.x(), p, q);
    ArmaLikelihood.Value best = ArmaLikelihood.evaluate(coefficients[0], coefficients[1], d, y, withMean, 0,
        tolerance);
    if (Double.isNaN(best.logLikelihood())) {
      throw new IllegalArgumentException("the likelihood is not finite for " + order
          + "; the series may be constant or too short");
    }
    ArimaModel model = new ArimaModel(order, coefficients[0], coefficients[1], withMean ? best.mean() : 0,
        best.sigma2());
    ArimaFit.StandardErrors se = config.standardErrors()
        ? standardErrors(y, model, withMean, tolerance, n)
        : new ArimaFit.StandardErrors(nan(p), nan(q), Double.NaN, Double.NaN);
    double ll = best.logLikelihood();
    double aic = -2 * ll + 2 * k;
    double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    double bic = -2 * ll + k * Math.log(n);
    return new ArimaFit(model, withMean, ll, aic, aicc, bic, se, n, result.iterations(), result.converged());
  }

  /**
   * A (differenced) series that never moves has no innovations to fit: zero variance around its mean, or around
   * zero without one. Rounding would otherwise let some lengths through with a tiny positive variance.
   */
  private static void requireVariation(double[] w, boolean withMean, ArimaOrder order) {
    double first = Double.NaN;
    for (double v : w) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(first)) {
        first = v;
      } else if (v != first) {
        return;
      }
    }
    if (withMean || first == 0 || Double.isNaN(first)) {
      throw new IllegalArgumentException("the series is constant after differencing; " + order + " cannot be fitted");
    }
  }

  /** Unconstrained start vector from Hannan–Rissanen on the (demeaned, gap-filled) differenced series. */
  private static double[] startValues(double[] y, ArimaOrder order, boolean withMean) {
    double[] w = difference(y, order.d());
    double mean = 0;
    if (withMean) {
      int count = 0;
      for (double v : w) {
        if (!Double.isNaN(v)) {
          mean += v;
          count++;
        }
      }
      mean /= count;
    }
    for (int t = 0; t < w.length; t++) {
      w[t] = Double.isNaN(w[t]) ? 0 : w[t] - mean;
    }
    double[][] start = HannanRissanen.estimate(w, order.p(), order.q());
    double[] u = new double[order.p() + order.q()];
    System.arraycopy(StationaryTransform.fromAr(start[0]), 0, u, 0, order.p());
    System.arraycopy(StationaryTransform.fromMa(start[1]), 0, u, order.p(), order.q());
    return u;
  }

  /** The d-th difference, aligned so that {@code w.length == y.length - d}; NaN propagates. */
  static double[] difference(double[] y, int d) {
    double[] w = y.clone();
    for (int k = 0; k < d; k++) {
      double[] next = new double[Math.max(0, w.length - 1)];
      for (int t = 0; t < next.length; t++) {
        next[t] = w[t + 1] - w[t];
      }
      w = next;
    }
    return w;
  }

  private static double[][] coefficients(double[] u, int p, int q) {
    return new double[][] {
      StationaryTransform.toAr(Arrays.copyOfRange(u, 0, p)),
      StationaryTransform.toMa(Arrays.copyOfRange(u, p, p + q))
    };
  }

  /**
   * Standard errors from the inverse of minus the numerical Hessian of the sigma2-profiled log-likelihood in
   * (ar, ma, mean); profiling sigma2 leaves the inverse-Hessian block of the other parameters unchanged.
   */
  private static ArimaFit.StandardErrors standardErrors(double[] y, ArimaModel model, boolean withMean,
      double tolerance, int n) {
    int p = model.order().p();
    int q = model.order().q();
    int dim = p + q + (withMean ? 1 : 0);
    double[] x = new double[dim];
    System.arraycopy(model.ar(), 0, x, 0, p);
    System.arraycopy(model.ma(), 0, x, p, q);
    double[] step = new double[dim];
    Arrays.fill(step, HESSIAN_STEP);
    if (withMean) {
      x[dim - 1] = model.mean();
      step[dim - 1] = 1e-3 * Math.sqrt(model.sigma2());
    }
    double[] variances = inverseNegativeHessianDiagonal(x, step, point -> {
      double[] ar = Arrays.copyOfRange(point, 0, p);
      double[] ma = Arrays.copyOfRange(point, p, p + q);
      double mean = withMean ? point[dim - 1] : 0;
      return ArmaLikelihood.evaluate(ar, ma, model.order().d(), y, false, mean, tolerance).logLikelihood();
    });
    return new ArimaFit.StandardErrors(
        sqrt(Arrays.copyOfRange(variances, 0, p)),
        sqrt(Arrays.copyOfRange(variances, p, p + q)),
        withMean ? Math.sqrt(variances[dim - 1]) : Double.NaN,
        model.sigma2() * Math.sqrt(2.0 / n));
  }

  private static double[] inverseNegativeHessianDiagonal(double[] x, double[] h,
      ToDoubleFunction<double[]> f) {
    int dim = x.length;
    double f0 = f.applyAsDouble(x);
    RealMatrix negHessian = new Array2DRowRealMatrix(dim, dim);
    for (int i = 0; i < dim; i++) {
      for (int j = i; j < dim; j++) {
        double value = secondDerivative(f, x, h, i, j, f0);
        negHessian.setEntry(i, j, -value);
        negHessian.setEntry(j, i, -value);
      }
    }
    double[] diagonal = new double[dim];
    Arrays.fill(diagonal, Double.NaN);
    try {
      RealMatrix inverse = new LUDecomposition(negHessian).getSolver().getInverse();
      for (int i = 0; i < dim; i++) {
        double v = inverse.getEntry(i, i);
        diagonal[i] = v > 0 ? v : Double.NaN;
      }
    } catch (SingularMatrixException e) {
      // NaN standard errors signal a flat or inadmissible likelihood at the optimum
    }
    return diagonal;
  }

  /** Central second difference d2f / dx_i dx_j. */
  private static double secondDerivative(ToDoubleFunction<double[]> f, double[] x, double[] h, int i, int j,
      double f0) {
    if (i == j) {
      return (shifted(f, x, h, i, 1, i, 0) - 2 * f0 + shifted(f, x, h, i, -1, i, 0)) / (h[i] * h[i]);
    }
    double plus = shifted(f, x, h, i, 1, j, 1) + shifted(f, x, h, i, -1, j, -1);
    double minus = shifted(f, x, h, i, 1, j, -1) + shifted(f, x, h, i, -1, j, 1);
    return (plus - minus) / (4 * h[i] * h[j]);
  }

  /** f at x + si h_i e_i + sj h_j e_j. */
  private static double shifted(ToDoubleFunction<double[]> f, double[] x, double[] h,
      int i, int si, int j, int sj) {
    double[] point = x.clone();
    point[i] += si * h[i];
    point[j] += sj * h[j];
    return f.applyAsDouble(point);
  }

  private static double[] sqrt(double[] v) {
    double[] s = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = Math.sqrt(v[i]);
    }
    return s;
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
