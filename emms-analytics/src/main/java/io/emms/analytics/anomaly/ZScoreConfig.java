package io.emms.analytics.anomaly;

import java.io.Serializable;

/**
 * Settings of the z-score detectors.
 *
 * @param threshold |x − mean| / σ above which a point is flagged (2 or 3 in classic practice)
 * @param warmup values needed before the streaming detector scores anything
 * @param excludeFlagged whether the streaming detector admits flagged values into its running statistics only
 *     clipped to mean ± threshold·σ, so one spike does not widen σ for everything after it
 */
public record ZScoreConfig(double threshold, int warmup, boolean excludeFlagged) implements Serializable {

  /** The classic "2σ" rule. */
  public static final ZScoreConfig TWO_SIGMA = new ZScoreConfig(2, 30, true);
  /** The "3σ" rule. */
  public static final ZScoreConfig THREE_SIGMA = new ZScoreConfig(3, 30, true);

  public ZScoreConfig {
    if (!(threshold > 0) || warmup < 2) {
      throw new IllegalArgumentException("threshold must be > 0 and warmup >= 2");
    }
  }
}
