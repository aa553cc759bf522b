package io.emms.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KSelectionTest {

  @ParameterizedTest
  @EnumSource(KCriterion.class)
  void everyCriterionFindsFourSeparatedBlobs(KCriterion criterion) {
    double[] data = Datasets.blobs(4, 50, 2, 12, 1.0, 3);
    KSelectionResult r = new KSelection(KSelectionConfig.builder()
        .range(2, 7)
        .criterion(criterion)
        .kMeans(KMeansConfig.builder(2).seed(1).nInit(3).build())
        .build()).select(data, 2);

    assertThat(r.chosenK()).isEqualTo(4);
    assertThat(r.clustering().k()).isEqualTo(4);
    assertThat(r.scores()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(r.scores()).allMatch(KScore::silhouetteExact);
    KScore four = r.scores().get(2);
    assertThat(four.sse()).isEqualTo(r.clustering().sse());
    assertThat(four.silhouette())
        .isEqualTo(ClusterScores.silhouette(data, 2, r.clustering().assignments()));
  }

  @Test
  void largeDataUsesTheSimplifiedSilhouetteAndSmallDataCapsK() {
    double[] data = Datasets.blobs(3, 30, 2, 10, 1.0, 5);
    KSelectionResult simplified = new KSelection(KSelectionConfig.builder()
        .range(2, 4).exactSilhouetteMaxPoints(50).build()).select(data, 2);
    assertThat(simplified.scores()).noneMatch(KScore::silhouetteExact);
    assertThat(simplified.scores().get(0).silhouette())
        .isEqualTo(ClusterScores.simplifiedSilhouette(data, 2,
            new KMeans(KMeansConfig.of(2)).fit(data, 2).assignments()));

    KSelectionResult capped = new KSelection(KSelectionConfig.builder().range(2, 10).build())
        .select(new double[] {0, 1, 5, 6}, 1);
    assertThat(capped.scores()).extracting(KScore::k).containsExactly(2, 3);
    assertThat(capped.chosenK()).isEqualTo(2);
  }

  @Test
  void scoresOfAFixedKMatchTheSingleScores() {
    double[] data = Datasets.blobs(3, 20, 2, 10, 1.0, 8);
    KMeansResult r = new KMeans(KMeansConfig.of(3)).fit(data, 2);
    KScore s = KScore.of(data, 2, r, true);
    int[] labels = r.assignments();
    assertThat(s.k()).isEqualTo(3);
    assertThat(s.silhouette()).isEqualTo(ClusterScores.silhouette(data, 2, labels));
    assertThat(s.daviesBouldin()).isEqualTo(ClusterScores.daviesBouldin(data, 2, labels));
    assertThat(s.calinskiHarabasz()).isEqualTo(ClusterScores.calinskiHarabasz(data, 2, labels));
    assertThat(s.score(KCriterion.DAVIES_BOULDIN)).isEqualTo(s.daviesBouldin());
    double[] same = {1, 1, 1};
    KScore degenerate = KScore.of(same, 1, new KMeans(KMeansConfig.of(2)).fit(same, 1), true);
    assertThat(degenerate.silhouette()).isNaN();
  }

  @Test
  void tooFewPointsAreRejected() {
    assertThatThrownBy(() -> new KSelection(KSelectionConfig.defaults()).select(new double[] {1, 2}, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KSelectionConfig.builder().range(1, 3).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
