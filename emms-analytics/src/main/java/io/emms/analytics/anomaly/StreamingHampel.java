package io.emms.analytics.anomaly;

import java.util.Objects;

/**
 * Causal Hampel filter: each value is compared with the median and MAD of the 2k values before it. The window is
 * held twice, as a ring (arrival order) and as a sorted array in which the outgoing value's slot moves to the
 * incoming value's place; the median is read off directly and the MAD comes from a merge of the deviations on
 * both sides of it: O(k), no sorting, no allocation. Flagged values enter the window clipped to
 * median ± threshold·σ, so a burst of spikes cannot become the new normal at once while a genuine level change
 * is still learned within a few windows.
 */
public final class StreamingHampel extends ScoringDetector {

  private static final long serialVersionUID = 1L;

  private final HampelConfig config;
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  public StreamingHampel(HampelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.ring = new double[2 * config.halfWindow()];
    this.sorted = new double[ring.length];
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
    if (size < ring.length) {
      lastScore = Double.NaN;
      lastExpected = Double.NaN;
      insert(value, size++);
      ring[next] = value;
      advance();
      return false;
    }
    double median = median();
    double sigma = Math.max(HampelConfig.MAD_TO_SIGMA * mad(median), config.minSigma());
    lastExpected = median;
    lastScore = Math.abs(value - median) / sigma;
    boolean flagged = lastScore > config.threshold();
    double bound = config.threshold() * sigma;
    double admitted = clip(median, bound, value);
    replace(ring[next], admitted);
    ring[next] = admitted;
    advance();
    return flagged;
  }

  private void advance() {
    next = next + 1 == ring.length ? 0 : next + 1;
  }

  /** Replaces one occurrence of {@code old} in the full sorted window by {@code v}, shifting only in between. */
  private void replace(double old, double v) {
    int i = 0;
    while (sorted[i] != old) {
      i++;
    }
    int n = sorted.length;
    while (i + 1 < n && sorted[i + 1] < v) {
      sorted[i] = sorted[i + 1];
      i++;
    }
    while (i > 0 && sorted[i - 1] > v) {
      sorted[i] = sorted[i - 1];
      i--;
    }
    sorted[i] = v;
  }

  /** Inserts {@code v} into the sorted window holding {@code n} values. */
  private void insert(double v, int n) {
    int i = n;
    while (i > 0 && sorted[i - 1] > v) {
      sorted[i] = sorted[i - 1];
      i--;
    }
    sorted[i] = v;
  }

  private double median() {
    int n = ring.length; // even: 2k
    return 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  /**
   * Median absolute deviation: the deviations left of the median grow leftwards, those right of it grow
   * rightwards, so merging the two ascending runs yields the deviations in order; the MAD is the mean of the two
   * middle ones (n even).
   */
  private double mad(double median) {
    int n = ring.length;
    int left = n / 2 - 1;
    int right = n / 2;
    double lower = 0;
    double d = 0;
    for (int rank = 0; rank <= n / 2; rank++) {
      double dl = left >= 0 ? median - sorted[left] : Double.POSITIVE_INFINITY;
      double dr = right < n ? sorted[right] - median : Double.POSITIVE_INFINITY;
      // Written as selects rather than an if/else: the JIT can use conditional moves on noisy data.
      boolean takeLeft = dl <= dr;
      lower = d;
      d = takeLeft ? dl : dr;
      left -= takeLeft ? 1 : 0;
      right += takeLeft ? 0 : 1;
    }
    return 0.5 * (lower + d);
  }

  @Override
  public double threshold() {
    return config.threshold();
  }
}
