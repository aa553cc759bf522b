package io.emms.analytics.anomaly;

/**
 * What the streaming detectors share: the last score and expectation they report, and the clipping with which a
 * flagged value is admitted to their statistics (so that a burst of spikes cannot become the new normal at once,
 * while a lasting change is still learned).
 */
abstract class ScoringDetector implements StreamingDetector {

  private static final long serialVersionUID = 1L;

  /** Score of the last offered value; NaN while warming up or for a missing value. */
  protected double lastScore = Double.NaN;

  /** Expectation for the last offered value. */
  protected double lastExpected = Double.NaN;

  /** {@code value} limited to {@code center ± bound}. */
  protected static double clip(double center, double bound, double value) {
    return Math.max(center - bound, Math.min(center + bound, value));
  }

  @Override
  public final double lastScore() {
    return lastScore;
  }

  @Override
  public final double lastExpected() {
    return lastExpected;
  }
}
