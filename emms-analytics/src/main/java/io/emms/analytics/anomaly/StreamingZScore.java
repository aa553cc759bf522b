package io.emms.analytics.anomaly;

import java.util.Objects;

/**
 * Streaming z-score over Welford running statistics: each value is scored against the statistics of the values
 * before it, then added to them — clipped to mean ± threshold·σ when flagged and
 * {@link ZScoreConfig#excludeFlagged()}, so a spike does not widen σ while a lasting change is still learned.
 * While σ is 0 (a constant history) nothing can be standardised: values are admitted, not flagged. O(1) state.
 */
public final class StreamingZScore extends ScoringDetector {

  private static final long serialVersionUID = 1L;

  private final ZScoreConfig config;
  private final Welford stats = new Welford();

  public StreamingZScore(ZScoreConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "zscore";
  }

  @Override
  public boolean offer(long epochMillis, double value) {
    if (Double.isNaN(value)) {
      lastScore = Double.NaN;
      return false;
    }
    lastExpected = stats.mean();
    boolean flagged = false;
    double sd = stats.sd();
    double admitted = value;
    if (stats.count() >= config.warmup() && sd > 0) {
      lastScore = Math.abs(value - lastExpected) / sd;
      flagged = lastScore > config.threshold();
      if (flagged && config.excludeFlagged()) {
        double bound = config.threshold() * sd;
        admitted = clip(lastExpected, bound, value);
      }
    } else {
      lastScore = Double.NaN;
    }
    stats.add(admitted);
    return flagged;
  }

  @Override
  public double threshold() {
    return config.threshold();
  }
}
