package io.emms.analytics.anomaly;

import io.emms.analytics.arma.ArimaModel;
import io.emms.analytics.arma.ArmaPredictor;

/**
 * Streaming ARMA one-step residual detector on the exact Kalman predictor of a fitted model: O(r + d) state.
 * The score is the standardised residual |x − x̂| / √var; flagged values are fed to the predictor as missing.
 */
public final class StreamingArma extends ScoringDetector {

  private static final long serialVersionUID = 1L;

  private final ArmaPredictor predictor;
  private final double threshold;

  public StreamingArma(ArimaModel model, double threshold) {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold must be > 0");
    }
    this.predictor = model.predictor();
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "arma";
  }

  @Override
  public boolean offer(long epochMillis, double value) {
    lastExpected = predictor.prediction();
    if (Double.isNaN(value) || !predictor.ready()) {
      predictor.update(value);
      lastScore = Double.NaN;
      return false;
    }
    double z = Math.abs(value - lastExpected) / Math.sqrt(predictor.variance());
    boolean flagged = z > threshold;
    predictor.update(flagged ? Double.NaN : value);
    lastScore = z;
    return flagged;
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
