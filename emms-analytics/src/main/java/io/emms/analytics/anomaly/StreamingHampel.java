package io.emms.analytics.anomaly;

import java.util.Objects;

/**
 * Causal Hampel filter: each value is compared with the median and MAD of the 2k values before it, held in a
 * ring buffer. Flagged values enter the ring clipped to median ± threshold·σ, so a burst of spikes cannot become
 * the new normal at once while a genuine level change is still learned within a few windows.
 */
public final class StreamingHampel implements StreamingDetector {

  private static final long serialVersionUID = 1L;

  private final HampelConfig config;
  private final double[] ring;
  private final double[] scratch;
  private int size;
  private int next;
  private double lastScore = Double.NaN;
  private double lastExpected = Double.NaN;

  public StreamingHampel(HampelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.ring = new double[2 * config.halfWindow()];
    this.scratch = new double[ring.length];
  }

  @Override
  public String name() {
    return "hampel";
  }

  @Override
  public boolean offer(long epochMillis, double value) {
    if (Double.isNaN(value)) {
      lastScore = Double.NaN;
      return false;
    }
    boolean flagged = false;
    double admitted = value;
    if (size == ring.length) {
      System.arraycopy(ring, 0, scratch, 0, size);
      double median = Medians.medianInPlace(scratch, size);
      double sigma = Math.max(HampelConfig.MAD_TO_SIGMA * Medians.madInPlace(scratch, size, median),
          config.minSigma());
      lastExpected = median;
      lastScore = Math.abs(value - median) / sigma;
      flagged = lastScore > config.threshold();
      double bound = config.threshold() * sigma;
      admitted = Math.max(median - bound, Math.min(median + bound, value));
    } else {
      lastScore = Double.NaN;
      lastExpected = Double.NaN;
      size++;
    }
    ring[next] = admitted;
    next = next + 1 == ring.length ? 0 : next + 1;
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
