package io.emms.analytics.anomaly;

import java.util.Objects;

/**
 * Streaming z-score over Welford running statistics: each value is scored against the statistics of the values
 * before it, then (unless flagged and {@link ZScoreConfig#excludeFlagged()}) added to them. O(1) state.
 */
public final class StreamingZScore implements StreamingDetector {

  private static final long serialVersionUID = 1L;

  private final ZScoreConfig config;
  private final Welford stats = new Welford();
  private double lastScore = Double.NaN;
  private double lastExpected = Double.NaN;

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
    if (stats.count() >= config.warmup()) {
      double sd = stats.sd();
      lastScore = sd > 0 ? Math.abs(value - lastExpected) / sd : (value == lastExpected ? 0 : Double.POSITIVE_INFINITY);
      flagged = lastScore > config.threshold();
    } else {
      lastScore = Double.NaN;
    }
    if (!flagged || !config.excludeFlagged()) {
      stats.add(value);
    }
    return flagged;
  }

  @Override
  public double lastScore() {
    return lastScore;
  }

  @Override
  public double lastExpected() {
    return lastExpected;
  }

  @Override
  public double threshold() {
    return config.threshold();
  }
}
