package io.emms.analytics.cluster;

/**
 * The one distance kernel every k-means variant and score uses, so that equal inputs give bit-identical distances
 * whichever algorithm asks.
 */
final class SquaredEuclidean {

  private SquaredEuclidean() {}

  /** The squared distance between {@code a[ao..ao+d)} and {@code b[bo..bo+d)}. */
  public static double between(double[] a, int ao, double[] b, int bo, int d) {
    // Four independent sums break the add dependency chain; the JIT will not reorder floating-point adds itself.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < d; i += 4) {
      double t0 = a[ao + i] - b[bo + i];
      double t1 = a[ao + i + 1] - b[bo + i + 1];
      double t2 = a[ao + i + 2] - b[bo + i + 2];
      double t3 = a[ao + i + 3] - b[bo + i + 3];
      s0 += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; i < d; i++) {
      double t = a[ao + i] - b[bo + i];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * As {@link #between}, but gives up once the running sum exceeds {@code limit}, checked every 16 values. Returns
   * the exact squared distance (bit-identical to {@link #between}) when that is at most {@code limit}; otherwise some
   * value above {@code limit} that is still a lower bound of it (sums of non-negative terms only grow, also when
   * rounded).
   */
  public static double bounded(double[] a, int ao, double[] b, int bo, int d, double limit) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    while (i + 3 < d) {
      int blockEnd = Math.min(i + 16, d - 3);
      for (; i < blockEnd; i += 4) {
        double t0 = a[ao + i] - b[bo + i];
        double t1 = a[ao + i + 1] - b[bo + i + 1];
        double t2 = a[ao + i + 2] - b[bo + i + 2];
        double t3 = a[ao + i + 3] - b[bo + i + 3];
        s0 += t0 * t0;
        s1 += t1 * t1;
        s2 += t2 * t2;
        s3 += t3 * t3;
      }
      double partial = (s0 + s1) + (s2 + s3);
      if (partial > limit) {
        return partial;
      }
    }
    for (; i < d; i++) {
      double t = a[ao + i] - b[bo + i];
      s0 += t * t;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
