package io.emms.analytics.arma;

/**
 * Point forecasts h = 1 .. H steps ahead with standard errors and symmetric Gaussian intervals
 * {@code mean ± z * se}.
 *
 * @param mean  point forecasts
 * @param se    standard errors {@code sqrt(sigma2 * Z P Z')}
 * @param lower lower interval bounds
 * @param upper upper interval bounds
 * @param level interval coverage, e.g. 0.95
 */
public record Forecast(double[] mean, double[] se, double[] lower, double[] upper, double level) {

  /** Checks the components (see the class description for their meaning). */
  public Forecast {
    mean = mean.clone();
    se = se.clone();
    lower = lower.clone();
    upper = upper.clone();
    if (se.length != mean.length || lower.length != mean.length || upper.length != mean.length) {
      throw new IllegalArgumentException("arrays must have the same length");
    }
  }

  /** Number of steps ahead. */
  public int horizon() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] se() {
    return se.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }
}
