package io.emms.analytics.cluster;

import java.util.Arrays;

/** Centre-to-centre distances for the triangle-inequality bounds of Hamerly and Elkan. */
final class CentreGaps {

  private CentreGaps() {}

  /**
   * Fills {@code halfGap[j]} with half the distance from centre {@code j} to its nearest other centre and, when
   * {@code halfDistances} is not null, {@code halfDistances[j * k + m]} with half the distance between j and m.
   */
  static void halfGaps(double[] centres, int k, int d, double[] halfDistances, double[] halfGap) {
    Arrays.fill(halfGap, Double.POSITIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      for (int m = j + 1; m < k; m++) {
        double half = 0.5 * Math.sqrt(SquaredEuclidean.between(centres, j * d, centres, m * d, d));
        if (halfDistances != null) {
          halfDistances[j * k + m] = half;
          halfDistances[m * k + j] = half;
        }
        halfGap[j] = Math.min(halfGap[j], half);
        halfGap[m] = Math.min(halfGap[m], half);
      }
    }
  }
}
