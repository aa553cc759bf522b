package io.emms.analytics.cluster;

/** The state one k-means run shares between its driver and its assignment step. */
final class Workspace {
  final double[] data;
  final int n;
  final int d;
  final int k;
  /** Current centres, row-major k × d; replaced (not mutated) by every update. */
  double[] centres;
  final int[] labels;

  Workspace(double[] data, int d, double[] centres) {
    this.data = data;
    this.n = data.length / d;
    this.d = d;
    this.k = centres.length / d;
    this.centres = centres;
    this.labels = new int[n];
  }

  double distance2(int point, int centre) {
    return SquaredEuclidean.between(data, point * d, centres, centre * d, d);
  }

  /** Squared distance if at most {@code limit}, else a lower bound above {@code limit}. */
  double distance2Bounded(int point, int centre, double limit) {
    return SquaredEuclidean.bounded(data, point * d, centres, centre * d, d, limit);
  }

  /** The nearest centre, lowest index on ties: the rule every variant must agree on. */
  int nearest(int point) {
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double d2 = distance2Bounded(point, j, bestD2);
      if (d2 < bestD2) {
        bestD2 = d2;
        best = j;
      }
    }
    return best;
  }
}
