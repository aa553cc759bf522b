package io.emms.analytics.arma.internal;

import java.util.Arrays;

/**
 * Exact Gaussian log-likelihood of an ARIMA model with sigma^2 profiled out and, optionally, the mean profiled out
 * by generalised least squares.
 *
 * <p>For d > 0 the likelihood is conditional on the first d observed levels (equivalently, the likelihood of the
 * differenced series), as in R's {@code arima} and statsmodels' {@code ARIMA}; missing values are skipped.
 */
public final class ArmaLikelihood {

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private ArmaLikelihood() {
  }

  /**
   * Concentrated log-likelihood with the maximising sigma^2 and mean.
   *
   * @param logLikelihood NaN if the parameters are not admissible
   * @param mean          the profiled GLS mean, or the fixed mean passed in
   * @param used          number of observations in the likelihood
   */
  public record Value(double logLikelihood, double sigma2, double mean, int used) {
  }

  /**
   * Evaluates the likelihood.
   *
   * @param profileMean estimate the mean by GLS (d = 0 only); otherwise {@code mean} is subtracted
   * @param tolerance   steady-state tolerance of the filter
   */
  public static Value evaluate(double[] ar, double[] ma, int d, double[] y, boolean profileMean, double mean,
      double tolerance) {
    ArmaStateSpace model = new ArmaStateSpace(ar, ma, d);
    int start = firstFilteredIndex(y, d);
    double[] p0 = model.stationaryCovariance();
    if (p0 == null || start < 0) {
      return new Value(Double.NaN, Double.NaN, mean, 0);
    }
    ArmaFilter filter = new ArmaFilter(model, p0, profileMean, tolerance);
    filter.setLevels(levelsBefore(y, start, d));
    double syy = 0;
    double syc = 0;
    double scc = 0;
    double sumLogF = 0;
    int used = 0;
    double shift = profileMean ? 0 : mean;
    double[] steadySums = new double[4];
    int t = start;
    while (t < y.length) {
      if (filter.isSteady() && !Double.isNaN(y[t])) {
        Arrays.fill(steadySums, 0);
        t = filter.runSteady(y, t, shift, steadySums);
        double f = filter.steadyVariance();
        syy += steadySums[0] / f;
        syc += steadySums[1] / f;
        scc += steadySums[2] / f;
        sumLogF += steadySums[3] * Math.log(f);
        used += (int) steadySums[3];
        continue;
      }
      if (filter.step(y[t] - shift)) {
        double f = filter.variance();
        if (!(f > 0)) {
          return new Value(Double.NaN, Double.NaN, mean, 0);
        }
        double v = filter.innovation();
        sumLogF += Math.log(f);
        syy += v * v / f;
        if (profileMean) {
          double v1 = filter.innovation1();
          syc += v * v1 / f;
          scc += v1 * v1 / f;
        }
        used++;
      }
      t++;
    }
    double mu = profileMean ? syc / scc : mean;
    double ssq = profileMean ? syy - syc * syc / scc : syy;
    if (used == 0) {
      return new Value(Double.NaN, Double.NaN, mu, 0);
    }
    double sigma2 = ssq / used;
    if (!(sigma2 > 0) || Double.isInfinite(sigma2)) {
      // a perfectly fitted (e.g. constant) series has no finite likelihood
      return new Value(Double.NaN, Double.NaN, mu, used);
    }
    double loglik = -0.5 * used * (LOG_2PI + 1 + Math.log(sigma2)) - 0.5 * sumLogF;
    return new Value(loglik, sigma2, mu, used);
  }

  /** Receives each filtered time step. */
  @FunctionalInterface
  public interface Observer {
    /**
     * @param prediction one-step prediction of y(t) including the mean
     * @param variance   its error variance in units of sigma^2
     * @param observed   false if y(t) is missing
     */
    void step(int t, double prediction, double variance, boolean observed);
  }

  /**
   * Filters a series with known parameters and returns the filter positioned after its last value.
   *
   * @throws IllegalArgumentException if the AR part is not stationary or fewer than d consecutive levels exist
   */
  public static ArmaFilter filter(ArmaStateSpace model, double[] y, double mean, double tolerance,
      Observer observer) {
    int start = firstFilteredIndex(y, model.d());
    if (start < 0) {
      throw new IllegalArgumentException("the series needs " + model.d() + " consecutive observed values");
    }
    double[] p0 = model.stationaryCovariance();
    if (p0 == null) {
      throw new IllegalArgumentException("the AR polynomial is not stationary");
    }
    ArmaFilter filter = new ArmaFilter(model, p0, false, tolerance);
    filter.setLevels(levelsBefore(y, start, model.d()));
    for (int t = start; t < y.length; t++) {
      double prediction = mean + filter.predictedMean();
      double variance = filter.predictedVariance();
      observer.step(t, prediction, variance, filter.step(y[t] - mean));
    }
    return filter;
  }

  /**
   * Index of the first value the filter sees: right after the first d consecutive observed levels.
   *
   * @return the index, or -1 if there are no d consecutive observed levels
   */
  public static int firstFilteredIndex(double[] y, int d) {
    int run = 0;
    for (int t = 0; t < y.length; t++) {
      if (run == d) {
        return t;
      }
      run = Double.isNaN(y[t]) ? 0 : run + 1;
    }
    return run == d ? y.length : -1;
  }

  /** y(start-1) ... y(start-d), the lag block at {@code start}. */
  public static double[] levelsBefore(double[] y, int start, int d) {
    double[] levels = new double[d];
    for (int k = 0; k < d; k++) {
      levels[k] = y[start - 1 - k];
    }
    return levels;
  }
}
