package io.emms.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KMeansTest {

  @ParameterizedTest
  @EnumSource(value = KMeansAlgorithm.class)
  void recoversWellSeparatedBlobs(KMeansAlgorithm algorithm) {
    int clusters = 5;
    int per = 40;
    double[] data = Datasets.blobs(clusters, per, 3, 20, 0.5, 1);
    KMeansResult r = new KMeans(KMeansConfig.builder(clusters).seed(3).nInit(3).algorithm(algorithm).build())
        .fit(data, 3);

    assertThat(r.converged()).isTrue();
    assertThat(r.sizes()).containsOnly(per);
    Set<Integer> labelsSeen = new HashSet<>();
    for (int c = 0; c < clusters; c++) {
      int label = r.assignment(c * per);
      labelsSeen.add(label);
      for (int p = 0; p < per; p++) {
        assertThat(r.assignment(c * per + p)).isEqualTo(label);
      }
    }
    assertThat(labelsSeen).hasSize(clusters);
  }

  @Test
  void oneDimensionalExampleWorkedByHand() {
    // Points 0, 1, 2 and 9 from centres 0, 1.5: {0} and {1, 2, 9}; then centres 0 and 4 → {0, 1, 2} and {9}
    // (1 is 1 from 0 and 3 from 4; 2 is 2 from 0 and 2 from 4: a tie, the lower index wins); then centres 1 and 9
    // keep every point: two updates.
    double[] data = {0, 1, 2, 9};
    for (KMeansAlgorithm algorithm : KMeansAlgorithm.values()) {
      KMeansResult r = new KMeans(KMeansConfig.builder(2).tolerance(0).algorithm(algorithm).build())
          .fit(data, 1, new double[] {0, 1.5});
      assertThat(r.assignments()).as("%s", algorithm).containsExactly(0, 0, 0, 1);
      assertThat(r.centroids()).containsExactly(1, 9);
      assertThat(r.sse()).isEqualTo(2.0);
      assertThat(r.iterations()).isEqualTo(2);
      assertThat(r.converged()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(value = KMeansAlgorithm.class, names = {"LLOYD", "HAMERLY", "ELKAN"})
  void emptyClusterTakesThePointFarthestFromItsCentre(KMeansAlgorithm algorithm) {
    // Centre 100 attracts nothing: {0} {1, 2, 10} {}. Point 10 is farthest (9 from centre 1) and moves to the
    // empty cluster. Centres 0, 1.5, 10 then hold.
    double[] data = {0, 1, 2, 10};
    KMeansResult r = new KMeans(KMeansConfig.builder(3).tolerance(0).algorithm(algorithm).build())
        .fit(data, 1, new double[] {0, 1, 100});

    assertThat(r.assignments()).containsExactly(0, 1, 1, 2);
    assertThat(r.centroids()).containsExactly(0, 1.5, 10);
    assertThat(r.sizes()).containsExactly(1, 2, 1);
    assertThat(r.sse()).isEqualTo(0.5);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void fewerDistinctPointsThanClustersLeavesAClusterEmptyInsteadOfFailing() {
    double[] data = {1, 1, 1, 5, 5};
    KMeansResult r = new KMeans(KMeansConfig.builder(3).seed(1).build()).fit(data, 1);
    assertThat(r.sse()).isZero();
    assertThat(r.sizes()).containsExactlyInAnyOrder(3, 2, 0);
  }

  @Test
  void seedingSkipsDuplicatesOfChosenCentres() {
    // D² sampling gives the copies of an already chosen point zero weight.
    double[] data = {3, 3, 3, 3, 3, 3, 3, 8};
    for (long seed = 0; seed < 20; seed++) {
      double[] seeds = new KMeans(KMeansConfig.builder(2).seed(seed).build()).seedCentroids(data, 1);
      assertThat(seeds).containsExactlyInAnyOrder(3, 8);
    }
  }

  @Test
  void sameSeedSameResultAndSeedMatters() {
    double[] data = Datasets.uniform(500, 4, 11);
    KMeansConfig config = KMeansConfig.builder(8).seed(5).build();
    KMeansResult a = new KMeans(config).fit(data, 4);
    KMeansResult b = new KMeans(config).fit(data, 4);
    assertThat(a).isEqualTo(b);
    double[] other = new KMeans(config.toBuilder().seed(6).build()).seedCentroids(data, 4);
    assertThat(other).isNotEqualTo(new KMeans(config).seedCentroids(data, 4));
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    double[] data = Datasets.profiles(9000, 24, 4);
    for (KMeansAlgorithm algorithm : new KMeansAlgorithm[] {KMeansAlgorithm.LLOYD, KMeansAlgorithm.HAMERLY,
        KMeansAlgorithm.ELKAN}) {
      KMeansConfig one = KMeansConfig.builder(6).seed(2).tolerance(0).algorithm(algorithm).threads(1).build();
      KMeansResult single = new KMeans(one).fit(data, 24);
      KMeansResult multi = new KMeans(one.toBuilder().threads(3).build()).fit(data, 24);
      assertThat(multi).as("%s", algorithm).isEqualTo(single);
    }
  }

  @Test
  void moreStartsNeverGiveAWorseSse() {
    double[] data = Datasets.uniform(400, 2, 3);
    KMeansConfig config = KMeansConfig.builder(7).seed(9).build();
    double one = new KMeans(config).fit(data, 2).sse();
    double five = new KMeans(config.toBuilder().nInit(5).build()).fit(data, 2).sse();
    assertThat(five).isLessThanOrEqualTo(one);
  }

  @Test
  void sseAndSizesMatchTheAssignments() {
    double[] data = Datasets.profiles(300, 48, 8);
    KMeansResult r = new KMeans(KMeansConfig.builder(4).seed(1).build()).fit(data, 48);
    double sse = 0;
    int[] sizes = new int[4];
    for (int i = 0; i < 300; i++) {
      int label = r.assignment(i);
      sizes[label]++;
      sse += SquaredEuclidean.between(data, i * 48, r.centroids(), label * 48, 48);
    }
    assertThat(r.sizes()).containsExactly(sizes);
    assertThat(r.sse()).isCloseTo(sse, within(1e-9 * sse));
    assertThat(r.pointCount()).isEqualTo(300);
    assertThat(r.centroidRows()[2]).containsExactly(r.centroid(2));
  }

  @Test
  void convergedAtZeroToleranceMeansEveryPointIsAtItsNearestCentre() {
    double[] data = Datasets.uniform(600, 3, 21);
    KMeansResult r = new KMeans(KMeansConfig.builder(9).seed(4).tolerance(0).build()).fit(data, 3);
    assertThat(r.converged()).isTrue();
    double[] centres = r.centroids();
    for (int i = 0; i < 600; i++) {
      double own = SquaredEuclidean.between(data, i * 3, centres, r.assignment(i) * 3, 3);
      for (int j = 0; j < 9; j++) {
        assertThat(own).isLessThanOrEqualTo(SquaredEuclidean.between(data, i * 3, centres, j * 3, 3));
      }
    }
  }

  @Test
  void stopsAtTheIterationLimit() {
    double[] data = Datasets.uniform(2000, 2, 5);
    KMeansResult r = new KMeans(KMeansConfig.builder(20).seed(1).tolerance(0).maxIterations(2).build())
        .fit(data, 2);
    assertThat(r.iterations()).isEqualTo(2);
    assertThat(r.converged()).isFalse();
  }

  @Test
  void resultIsImmutableAndSerializable() throws Exception {
    KMeansResult r = new KMeans(KMeansConfig.of(2)).fit(new double[] {0, 0, 1, 1, 10, 10, 11, 11}, 2);
    r.centroids()[0] = 99;
    r.assignments()[0] = 99;
    assertThat(r.centroids()[0]).isNotEqualTo(99);
    assertThat(r.assignment(0)).isNotEqualTo(99);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(r);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(r);
    }
  }

  @Test
  void rejectsBadInput() {
    KMeans kMeans = new KMeans(KMeansConfig.of(2));
    assertThatThrownBy(() -> kMeans.fit(new double[] {0, 1, Double.NaN, 3}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    assertThatThrownBy(() -> kMeans.fit(new double[] {0, 1, 2}, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> kMeans.fit(new double[] {0, 1}, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> kMeans.fit(new double[] {0, 1, 2, 3}, 2, new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KMeansConfig.builder(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KMeansConfig.builder(2).tolerance(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void autoPicksElkanOnlyForLargeKInHighDimension() {
    assertThat(KMeansConfig.of(10).resolvedAlgorithm(96)).isEqualTo(KMeansAlgorithm.HAMERLY);
    assertThat(KMeansConfig.of(50).resolvedAlgorithm(96)).isEqualTo(KMeansAlgorithm.ELKAN);
    assertThat(KMeansConfig.of(50).resolvedAlgorithm(8)).isEqualTo(KMeansAlgorithm.HAMERLY);
    assertThat(KMeansConfig.builder(50).algorithm(KMeansAlgorithm.LLOYD).build().resolvedAlgorithm(96))
        .isEqualTo(KMeansAlgorithm.LLOYD);
    KMeansResult r = new KMeans(KMeansConfig.of(2)).fit(new double[] {0, 1, 10, 11}, 1);
    assertThat(r.algorithm()).isEqualTo(KMeansAlgorithm.HAMERLY);
  }
}
