package io.emms.analytics.theft.evaluation;

import java.util.Arrays;

/** The area under the ROC curve, as the Mann–Whitney probability that a positive outscores a negative. */
public final class RocAuc {

  private RocAuc() {}

  /**
   * P(score of a random positive &gt; score of a random negative), ties counting one half.
   *
   * @throws IllegalArgumentException when either side is empty
   */
  public static double of(double[] positives, double[] negatives) {
    if (positives.length == 0 || negatives.length == 0) {
      throw new IllegalArgumentException("need at least one positive and one negative score");
    }
    double[] neg = negatives.clone();
    Arrays.sort(neg);
    double wins = 0;
    for (double p : positives) {
      int below = lowerBound(neg, p);
      int notAbove = upperBound(neg, p);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) positives.length * negatives.length);
  }

  /** The number of values strictly below {@code x}. */
  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The number of values at most {@code x}. */
  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
