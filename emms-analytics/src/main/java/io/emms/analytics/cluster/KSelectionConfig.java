package io.emms.analytics.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link KSelection} searches for k.
 *
 * @param minK the smallest k tried, at least 2
 * @param maxK the largest k tried; lowered to n − 1 when the data has fewer points
 * @param criterion the score that chooses k
 * @param kMeans the k-means settings for every k (its own k is replaced)
 * @param exactSilhouetteMaxPoints up to this many points the exact O(n²) silhouette is used, above it the
 *     simplified one
 */
public record KSelectionConfig(
    int minK, int maxK, KCriterion criterion, KMeansConfig kMeans, int exactSilhouetteMaxPoints)
    implements Serializable {

  public KSelectionConfig {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(kMeans, "kMeans");
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException("need 2 <= minK <= maxK: " + minK + ".." + maxK);
    }
    if (exactSilhouetteMaxPoints < 0) {
      throw new IllegalArgumentException("exactSilhouetteMaxPoints must not be negative");
    }
  }

  /** k from 2 to 10 by silhouette, default k-means settings, exact silhouette up to 2 000 points. */
  public static KSelectionConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link KSelectionConfig}. */
  public static final class Builder {
    private int minK = 2;
    private int maxK = 10;
    private KCriterion criterion = KCriterion.SILHOUETTE;
    private KMeansConfig kMeans = KMeansConfig.of(2);
    private int exactSilhouetteMaxPoints = 2000;

    private Builder() {}

    /** Tries every k in {@code [minK, maxK]}. */
    public Builder range(int minK, int maxK) {
      this.minK = minK;
      this.maxK = maxK;
      return this;
    }

    public Builder criterion(KCriterion criterion) {
      this.criterion = criterion;
      return this;
    }

    public Builder kMeans(KMeansConfig kMeans) {
      this.kMeans = kMeans;
      return this;
    }

    public Builder exactSilhouetteMaxPoints(int exactSilhouetteMaxPoints) {
      this.exactSilhouetteMaxPoints = exactSilhouetteMaxPoints;
      return this;
    }

    public KSelectionConfig build() {
      return new KSelectionConfig(minK, maxK, criterion, kMeans, exactSilhouetteMaxPoints);
    }
  }
}
