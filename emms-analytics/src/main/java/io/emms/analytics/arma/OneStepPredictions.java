package io.emms.analytics.arma;

/**
 * One-step-ahead predictions over a series, aligned with it.
 *
 * @param prediction           prediction of y(t) from y(0..t-1); NaN before the filter starts
 * @param variance             its error variance (sigma2 * F)
 * @param standardizedResidual {@code (y(t) - prediction) / sqrt(variance)}; NaN where y(t) is missing
 */
public record OneStepPredictions(double[] prediction, double[] variance, double[] standardizedResidual) {

  /** Checks the components (see the class description for their meaning). */
  public OneStepPredictions {
    prediction = prediction.clone();
    variance = variance.clone();
    standardizedResidual = standardizedResidual.clone();
  }

  @Override
  public double[] prediction() {
    return prediction.clone();
  }

  @Override
  public double[] variance() {
    return variance.clone();
  }

  @Override
  public double[] standardizedResidual() {
    return standardizedResidual.clone();
  }
}
