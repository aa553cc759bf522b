package io.emms.analytics.anomaly;

import java.io.Serializable;

/**
 * Settings of the Hampel filter: a point is flagged when |x − median| &gt; threshold × 1.4826 × MAD of its window.
 *
 * @param halfWindow k: the batch filter uses the centred window of 2k + 1 points, the streaming one the 2k points
 *     before the current one
 * @param threshold in robust standard deviations (3 is customary)
 * @param minSigma floor of 1.4826 × MAD, so flat windows (MAD = 0) do not flag every small wiggle
 */
public record HampelConfig(int halfWindow, double threshold, double minSigma) implements Serializable {

  /** MAD → σ for Gaussian data: 1 / Φ⁻¹(3/4). */
  public static final double MAD_TO_SIGMA = 1.4826;

  /** k = 3 (window 7), 3 robust σ, σ floor 0.001. */
  public static final HampelConfig DEFAULT = new HampelConfig(3, 3, 1e-3);

  public HampelConfig {
    if (halfWindow < 1 || halfWindow > 64 || !(threshold > 0) || !(minSigma >= 0)) {
      throw new IllegalArgumentException("need 1 <= halfWindow <= 64, threshold > 0, minSigma >= 0");
    }
  }
}
