package io.emms.analytics.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs k-means for every k in a range, scores each clustering (silhouette, Davies–Bouldin, Calinski–Harabasz) and
 * chooses k by one of them. The elbow of the SSE is reported but not used: it is too often ambiguous.
 */
public final class KSelection {
  private final KSelectionConfig config;

  public KSelection(KSelectionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Clusters the rows of {@code data} for each k and picks one.
   *
   * @throws IllegalArgumentException if there are fewer than {@code minK + 1} points
   */
  public KSelectionResult select(double[] data, int dimension) {
    if (dimension < 1 || data.length % dimension != 0) {
      throw new IllegalArgumentException(data.length + " values are not a whole number of rows of " + dimension);
    }
    int n = data.length / dimension;
    int maxK = Math.min(config.maxK(), n - 1);
    if (maxK < config.minK()) {
      throw new IllegalArgumentException(n + " points are too few to try k = " + config.minK());
    }
    boolean exact = n <= config.exactSilhouetteMaxPoints();
    List<KScore> scores = new ArrayList<>();
    KMeansResult chosen = null;
    double best = Double.NaN;
    for (int k = config.minK(); k <= maxK; k++) {
      KMeansResult result = new KMeans(config.kMeans().toBuilder().k(k).build()).fit(data, dimension);
      KScore score = KScore.of(data, dimension, result, exact);
      scores.add(score);
      double value = score.score(config.criterion());
      if (chosen == null || config.criterion().better(value, best)) {
        chosen = result;
        best = value;
      }
    }
    return new KSelectionResult(scores, config.criterion(), chosen.k(), chosen);
  }
}
