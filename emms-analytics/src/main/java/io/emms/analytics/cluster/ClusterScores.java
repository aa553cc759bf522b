package io.emms.analytics.cluster;

import java.util.Objects;

/**
 * Internal validity scores of a labelling, defined as in scikit-learn ({@code silhouette_score},
 * {@code davies_bouldin_score}, {@code calinski_harabasz_score}) and matching it to rounding. Points are the rows of
 * a flat row-major {@code double[]}; labels are non-negative cluster numbers, which need not be contiguous. Every
 * score needs at least two non-empty clusters and fewer clusters than points.
 */
public final class ClusterScores {

  private ClusterScores() {}

  /**
   * The mean silhouette over all points: {@code (b − a) / max(a, b)} with {@code a} the mean distance to the other
   * points of the own cluster and {@code b} the smallest mean distance to the points of another cluster; points
   * alone in their cluster score 0. In [−1, 1], higher is better. Exact, so it costs O(n² · d).
   */
  public static double silhouette(double[] data, int dimension, int[] labels) {
    Labelling l = Labelling.of(data, dimension, labels);
    int n = l.n;
    int k = l.k;
    double[] sums = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dist = Math.sqrt(SquaredEuclidean.between(data, i * dimension, data, j * dimension, dimension));
        sums[i * k + labels[j]] += dist;
        sums[j * k + labels[i]] += dist;
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      int own = labels[i];
      if (l.sizes[own] == 1) {
        continue;
      }
      double a = sums[i * k + own] / (l.sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && l.sizes[c] > 0) {
          b = Math.min(b, sums[i * k + c] / l.sizes[c]);
        }
      }
      total += ratio(a, b);
    }
    return total / n;
  }

  /**
   * The simplified silhouette: as {@link #silhouette} but with {@code a} the distance to the own cluster's mean and
   * {@code b} the distance to the nearest other cluster mean; singletons score 0. O(n · k · d), for large n.
   */
  public static double simplifiedSilhouette(double[] data, int dimension, int[] labels) {
    Labelling l = Labelling.of(data, dimension, labels);
    double total = 0;
    for (int i = 0; i < l.n; i++) {
      int own = labels[i];
      if (l.sizes[own] == 1) {
        continue;
      }
      double a = l.distanceToCentroid(i, own);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < l.k; c++) {
        if (c != own && l.sizes[c] > 0) {
          b = Math.min(b, l.distanceToCentroid(i, c));
        }
      }
      total += ratio(a, b);
    }
    return total / l.n;
  }

  /**
   * The Davies–Bouldin index: the mean over clusters of the worst {@code (sᵢ + sⱼ) / d(cᵢ, cⱼ)}, with {@code s} the
   * mean distance of a cluster's points to its centroid. At least 0, lower is better.
   */
  public static double daviesBouldin(double[] data, int dimension, int[] labels) {
    Labelling l = Labelling.of(data, dimension, labels);
    double[] scatter = new double[l.k];
    for (int i = 0; i < l.n; i++) {
      scatter[labels[i]] += l.distanceToCentroid(i, labels[i]);
    }
    for (int c = 0; c < l.k; c++) {
      if (l.sizes[c] > 0) {
        scatter[c] /= l.sizes[c];
      }
    }
    double total = 0;
    for (int c = 0; c < l.k; c++) {
      if (l.sizes[c] == 0) {
        continue;
      }
      double worst = 0;
      for (int o = 0; o < l.k; o++) {
        if (o == c || l.sizes[o] == 0) {
          continue;
        }
        double separation = Math.sqrt(
            SquaredEuclidean.between(l.centroids, c * dimension, l.centroids, o * dimension, dimension));
        // Coinciding centroids contribute nothing, as in scikit-learn.
        if (separation > 0) {
          worst = Math.max(worst, (scatter[c] + scatter[o]) / separation);
        }
      }
      total += worst;
    }
    return total / l.clusters;
  }

  /**
   * The Calinski–Harabasz index (variance ratio): between-cluster dispersion over within-cluster dispersion, times
   * {@code (n − k) / (k − 1)}; 1 when every cluster is a single repeated point. Higher is better.
   */
  public static double calinskiHarabasz(double[] data, int dimension, int[] labels) {
    Labelling l = Labelling.of(data, dimension, labels);
    double[] mean = new double[dimension];
    for (int i = 0; i < l.n; i++) {
      for (int f = 0; f < dimension; f++) {
        mean[f] += data[i * dimension + f];
      }
    }
    for (int f = 0; f < dimension; f++) {
      mean[f] /= l.n;
    }
    double between = 0;
    for (int c = 0; c < l.k; c++) {
      if (l.sizes[c] > 0) {
        between += l.sizes[c] * SquaredEuclidean.between(l.centroids, c * dimension, mean, 0, dimension);
      }
    }
    double within = 0;
    for (int i = 0; i < l.n; i++) {
      within += SquaredEuclidean.between(data, i * dimension, l.centroids, labels[i] * dimension, dimension);
    }
    if (within == 0) {
      return 1;
    }
    return between * (l.n - l.clusters) / (within * (l.clusters - 1));
  }

  private static double ratio(double a, double b) {
    double m = Math.max(a, b);
    return m == 0 ? 0 : (b - a) / m;
  }

  /** A checked labelling with its cluster sizes and centroids. */
  private static final class Labelling {
    final int n;
    final int k;
    final int d;
    final int clusters;
    final int[] sizes;
    final double[] centroids;
    final double[] data;

    private Labelling(double[] data, int d, int[] labels, int k) {
      this.data = data;
      this.d = d;
      this.n = labels.length;
      this.k = k;
      this.sizes = new int[k];
      this.centroids = new double[k * d];
      for (int i = 0; i < n; i++) {
        sizes[labels[i]]++;
        for (int f = 0; f < d; f++) {
          centroids[labels[i] * d + f] += data[i * d + f];
        }
      }
      int nonEmpty = 0;
      for (int c = 0; c < k; c++) {
        if (sizes[c] > 0) {
          nonEmpty++;
          for (int f = 0; f < d; f++) {
            centroids[c * d + f] /= sizes[c];
          }
        }
      }
      this.clusters = nonEmpty;
    }

    static Labelling of(double[] data, int d, int[] labels) {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(labels, "labels");
      if (d < 1 || data.length != labels.length * d) {
        throw new IllegalArgumentException(
            data.length + " values do not make " + labels.length + " rows of " + d);
      }
      int max = -1;
      for (int label : labels) {
        if (label < 0) {
          throw new IllegalArgumentException("negative label: " + label);
        }
        max = Math.max(max, label);
      }
      Labelling l = new Labelling(data, d, labels, max + 1);
      if (l.clusters < 2 || l.clusters >= l.n) {
        throw new IllegalArgumentException(
            "scores need 2 to n − 1 non-empty clusters; got " + l.clusters + " for " + l.n + " points");
      }
      return l;
    }

    double distanceToCentroid(int point, int cluster) {
      return Math.sqrt(SquaredEuclidean.between(data, point * d, centroids, cluster * d, d));
    }
  }
}
