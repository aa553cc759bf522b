package io.emms.analytics.cluster;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The outcome of one k-means fit. Arrays are copied in and out, so a result never changes.
 *
 * @param k the number of clusters
 * @param dimension values per point
 * @param centroids the centres, row-major {@code k × dimension}
 * @param assignments the cluster of every point, in input order
 * @param sizes how many points each cluster holds
 * @param sse the sum of squared Euclidean distances of the points to their centres (inertia)
 * @param iterations how many centre updates ran
 * @param converged whether the run stopped because assignments settled or centres moved less than the tolerance,
 *     rather than at the iteration limit
 * @param algorithm the assignment strategy that ran (never {@link KMeansAlgorithm#AUTO})
 */
public record KMeansResult(
    int k,
    int dimension,
    double[] centroids,
    int[] assignments,
    int[] sizes,
    double sse,
    int iterations,
    boolean converged,
    KMeansAlgorithm algorithm)
    implements Serializable {

  public KMeansResult {
    Objects.requireNonNull(algorithm, "algorithm");
    centroids = centroids.clone();
    assignments = assignments.clone();
    sizes = sizes.clone();
    if (k < 1 || dimension < 1 || centroids.length != k * dimension || sizes.length != k) {
      throw new IllegalArgumentException("inconsistent shape: k=" + k + ", dimension=" + dimension);
    }
  }

  @Override
  public double[] centroids() {
    return centroids.clone();
  }

  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  /** The centre of cluster {@code cluster}. */
  public double[] centroid(int cluster) {
    Objects.checkIndex(cluster, k);
    return Arrays.copyOfRange(centroids, cluster * dimension, (cluster + 1) * dimension);
  }

  /** The centres as {@code k} rows. */
  public double[][] centroidRows() {
    double[][] rows = new double[k][];
    for (int j = 0; j < k; j++) {
      rows[j] = centroid(j);
    }
    return rows;
  }

  /** The cluster of point {@code point}. */
  public int assignment(int point) {
    return assignments[point];
  }

  /** The number of points clustered. */
  public int pointCount() {
    return assignments.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KMeansResult r
        && k == r.k
        && dimension == r.dimension
        && Arrays.equals(centroids, r.centroids)
        && Arrays.equals(assignments, r.assignments)
        && Arrays.equals(sizes, r.sizes)
        && Double.compare(sse, r.sse) == 0
        && iterations == r.iterations
        && converged == r.converged
        && algorithm == r.algorithm;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(k, dimension, sse, iterations, converged, algorithm);
    h = 31 * h + Arrays.hashCode(centroids);
    h = 31 * h + Arrays.hashCode(assignments);
    return 31 * h + Arrays.hashCode(sizes);
  }

  @Override
  public String toString() {
    return "KMeansResult[k=" + k + ", dimension=" + dimension + ", points=" + assignments.length
        + ", sizes=" + Arrays.toString(sizes) + ", sse=" + sse + ", iterations=" + iterations
        + ", converged=" + converged + ", algorithm=" + algorithm + "]";
  }
}
