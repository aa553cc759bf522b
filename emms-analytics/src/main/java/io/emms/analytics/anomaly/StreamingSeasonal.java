package io.emms.analytics.anomaly;

import java.util.Objects;

/**
 * Streaming seasonal-residual detector: running mean and variance (Welford) per (slot, day type) bucket, so the
 * state is 2 × slots-per-day × 3 numbers whatever the stream length. Flagged values enter the statistics clipped
 * to mean ± threshold·σ, so a spike does not distort its bucket while a lasting change of habits is still learned.
 */
public final class StreamingSeasonal extends ScoringDetector {

  private static final long serialVersionUID = 1L;

  private final SeasonalConfig config;
  private final SeasonalBuckets buckets;
  private final long[] n;
  private final double[] mean;
  private final double[] m2;

  public StreamingSeasonal(SeasonalConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.buckets = new SeasonalBuckets(config);
    this.n = new long[buckets.count()];
    this.mean = new double[buckets.count()];
    this.m2 = new double[buckets.count()];
  }

  @Override
  public String name() {
    return "seasonal";
  }

  @Override
  public boolean offer(long epochMillis, double value) {
    if (Double.isNaN(value)) {
      lastScore = Double.NaN;
      return false;
    }
    int b = buckets.bucket(epochMillis);
    lastExpected = mean[b];
    boolean flagged = false;
    double admitted = value;
    if (n[b] >= config.minSamples()) {
      double sigma = Math.max(Math.sqrt(m2[b] / (n[b] - 1)), config.minSigma());
      lastScore = Math.abs(value - mean[b]) / sigma;
      flagged = lastScore > config.threshold();
      double bound = config.threshold() * sigma;
      admitted = clip(mean[b], bound, value);
    } else {
      lastScore = Double.NaN;
    }
    n[b]++;
    double delta = admitted - mean[b];
    mean[b] += delta / n[b];
    m2[b] += delta * (admitted - mean[b]);
    return flagged;
  }

  @Override
  public double threshold() {
    return config.threshold();
  }
}
