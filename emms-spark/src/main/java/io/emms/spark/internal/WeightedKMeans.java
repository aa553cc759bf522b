package io.emms.spark.internal;

import java.util.SplittableRandom;

/**
 * k-means over few weighted points (the partitions' centroids, weighted by their cluster sizes): weighted
 * k-means++ seeding, then weighted Lloyd iterations. Runs on the driver; the points number partitions × k.
 */
public final class WeightedKMeans {

  private WeightedKMeans() {}

  /**
   * Clusters {@code points} (row-major, {@code dimension} values each) with {@code weights} into {@code k}
   * centres, row-major.
   */
  public static double[] fit(double[] points, double[] weights, int dimension, int k, long seed, int maxIterations) {
    int n = weights.length;
    if (n < k) {
      throw new IllegalArgumentException(n + " weighted points cannot make " + k + " clusters");
    }
    double[] centres = seed(points, weights, dimension, k, new SplittableRandom(seed));
    int[] assignment = new int[n];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean moved = assign(points, dimension, centres, k, assignment);
      update(points, weights, dimension, centres, k, assignment);
      if (!moved && iteration > 0) {
        break;
      }
    }
    return centres;
  }

  private static double[] seed(double[] points, double[] weights, int dimension, int k, SplittableRandom random) {
    int n = weights.length;
    double[] centres = new double[k * dimension];
    double[] d2 = new double[n];
    int first = pick(weights, null, random);
    System.arraycopy(points, first * dimension, centres, 0, dimension);
    for (int i = 0; i < n; i++) {
      d2[i] = distance(points, i, centres, 0, dimension);
    }
    for (int c = 1; c < k; c++) {
      int next = pick(weights, d2, random);
      System.arraycopy(points, next * dimension, centres, c * dimension, dimension);
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], distance(points, i, centres, c, dimension));
      }
    }
    return centres;
  }

  /** Draws an index with probability proportional to weight (times {@code d2} when given). */
  private static int pick(double[] weights, double[] d2, SplittableRandom random) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i] * (d2 == null ? 1 : d2[i]);
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i] * (d2 == null ? 1 : d2[i]);
      if (target <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static boolean assign(double[] points, int dimension, double[] centres, int k, int[] assignment) {
    boolean moved = false;
    for (int i = 0; i < assignment.length; i++) {
      int best = nearest(points, i, centres, k, dimension);
      moved |= best != assignment[i];
      assignment[i] = best;
    }
    return moved;
  }

  private static void update(double[] points, double[] weights, int dimension, double[] centres, int k,
      int[] assignment) {
    double[] sums = new double[k * dimension];
    double[] mass = new double[k];
    for (int i = 0; i < assignment.length; i++) {
      int c = assignment[i];
      mass[c] += weights[i];
      for (int j = 0; j < dimension; j++) {
        sums[c * dimension + j] += weights[i] * points[i * dimension + j];
      }
    }
    for (int c = 0; c < k; c++) {
      if (mass[c] > 0) {
        for (int j = 0; j < dimension; j++) {
          centres[c * dimension + j] = sums[c * dimension + j] / mass[c];
        }
      }
    }
  }

  /** The nearest of {@code k} centres to point {@code i}. */
  public static int nearest(double[] points, int i, double[] centres, int k, int dimension) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double d = distance(points, i, centres, c, dimension);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /** Squared Euclidean distance of point {@code i} to centre {@code c}. */
  public static double distance(double[] points, int i, double[] centres, int c, int dimension) {
    double sum = 0;
    for (int j = 0; j < dimension; j++) {
      double d = points[i * dimension + j] - centres[c * dimension + j];
      sum += d * d;
    }
    return sum;
  }
}
