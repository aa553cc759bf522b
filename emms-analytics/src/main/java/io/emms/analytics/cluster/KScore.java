package io.emms.analytics.cluster;

import java.io.Serializable;

/**
 * The scores of the k-means clustering for one k. Scores are NaN when the clustering has fewer than two non-empty
 * clusters (only possible with fewer distinct points than k).
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

  /** This row's value of {@code criterion}. */
  public double score(KCriterion criterion) {
    return switch (criterion) {
      case SILHOUETTE -> silhouette;
      case DAVIES_BOULDIN -> daviesBouldin;
      case CALINSKI_HARABASZ -> calinskiHarabasz;
    };
  }
}
