package io.emms.analytics.cluster;

import java.io.Serializable;

/**
 * The scores of the k-means clustering for one k. Scores are NaN when the clustering has fewer than two non-empty
 * clusters, or as many as points (only possible with fewer distinct points than k).
 *
 * @param k the number of clusters asked for
 * @param sse the clustering's sum of squared distances (inertia)
 * @param silhouette the silhouette, exact or simplified as {@code silhouetteExact} says
 * @param silhouetteExact whether {@code silhouette} is the exact one rather than the simplified one
 * @param daviesBouldin the Davies–Bouldin index
 * @param calinskiHarabasz the Calinski–Harabasz index
 */
public record KScore(
    int k, double sse, double silhouette, boolean silhouetteExact, double daviesBouldin, double calinskiHarabasz)
    implements Serializable {

  /**
   * Scores a k-means result on the data it was fitted to.
   *
   * @param exactSilhouette the exact O(n²) silhouette rather than the simplified one
   */
  public static KScore of(double[] data, int dimension, KMeansResult result, boolean exactSilhouette) {
    int nonEmpty = 0;
    for (int size : result.sizes()) {
      nonEmpty += size > 0 ? 1 : 0;
    }
    if (nonEmpty < 2 || nonEmpty >= result.pointCount()) {
      return new KScore(result.k(), result.sse(), Double.NaN, exactSilhouette, Double.NaN, Double.NaN);
    }
    int[] labels = result.assignments();
    double silhouette = exactSilhouette
        ? ClusterScores.silhouette(data, dimension, labels)
        : ClusterScores.simplifiedSilhouette(data, dimension, labels);
    return new KScore(
        result.k(),
        result.sse(),
        silhouette,
        exactSilhouette,
        ClusterScores.daviesBouldin(data, dimension, labels),
        ClusterScores.calinskiHarabasz(data, dimension, labels));
  }

  /** This row's value of {@code criterion}. */
  public double score(KCriterion criterion) {
    return switch (criterion) {
      case SILHOUETTE -> silhouette;
      case DAVIES_BOULDIN -> daviesBouldin;
      case CALINSKI_HARABASZ -> calinskiHarabasz;
    };
  }
}
