package io.emms.analytics.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What {@link KSelection} found.
 *
 * @param scores one row per k tried, in increasing k
 * @param criterion the score that chose
 * @param chosenK the k with the best score (the smallest on ties)
 * @param clustering the k-means result for {@code chosenK}
 */
public record KSelectionResult(List<KScore> scores, KCriterion criterion, int chosenK, KMeansResult clustering)
    implements Serializable {

  public KSelectionResult {
    scores = List.copyOf(scores);
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(clustering, "clustering");
  }
}
