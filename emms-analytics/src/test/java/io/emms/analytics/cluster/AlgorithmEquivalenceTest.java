package io.emms.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hamerly and Elkan must reproduce Lloyd exactly from the same start: same labels, same centres. */
class AlgorithmEquivalenceTest {

  static Stream<Arguments> dataSets() {
    return Stream.of(
        Arguments.of("blobs k=5 d=3", Datasets.blobs(5, 200, 3, 6, 1.5, 1), 3, 5),
        Arguments.of("uniform k=12 d=2", Datasets.uniform(3000, 2, 2), 2, 12),
        Arguments.of("uniform k=40 d=8", Datasets.uniform(4000, 8, 3), 8, 40),
        Arguments.of("profiles k=10 d=96", Datasets.profiles(3000, 96, 4), 96, 10),
        Arguments.of("profiles k=25 d=24", Datasets.profiles(5000, 24, 5), 24, 25),
        Arguments.of("integer grid k=7 d=2 (ties)", integerGrid(2000, 2, 6, 6), 2, 7),
        Arguments.of("one dimension k=9", Datasets.uniform(2500, 1, 7), 1, 9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void hamerlyAndElkanReproduceLloyd(String name, double[] data, int d, int k) {
    for (long seed = 0; seed < 3; seed++) {
      KMeansConfig lloyd = KMeansConfig.builder(k).seed(seed).tolerance(0).algorithm(KMeansAlgorithm.LLOYD).build();
      double[] start = new KMeans(lloyd).seedCentroids(data, d);
      KMeansResult expected = new KMeans(lloyd).fit(data, d, start);
      for (KMeansAlgorithm algorithm : new KMeansAlgorithm[] {KMeansAlgorithm.HAMERLY, KMeansAlgorithm.ELKAN}) {
        KMeansResult actual = new KMeans(lloyd.toBuilder().algorithm(algorithm).build()).fit(data, d, start);
        assertSameClustering(expected, actual);
      }
    }
  }

  @Property(tries = 60, seed = "645")
  void agreeOnSmallIntegerDataFullOfTies(
      @ForAll @IntRange(min = 1, max = 4) int d,
      @ForAll @IntRange(min = 1, max = 8) int k,
      @ForAll @IntRange(min = 8, max = 120) int n,
      @ForAll long seed) {
    double[] data = integerGrid(n, d, 4, seed);
    KMeansConfig lloyd = KMeansConfig.builder(k).seed(seed).tolerance(0).algorithm(KMeansAlgorithm.LLOYD).build();
    double[] start = new KMeans(lloyd).seedCentroids(data, d);
    KMeansResult expected = new KMeans(lloyd).fit(data, d, start);
    for (KMeansAlgorithm algorithm : new KMeansAlgorithm[] {KMeansAlgorithm.HAMERLY, KMeansAlgorithm.ELKAN}) {
      assertSameClustering(expected, new KMeans(lloyd.toBuilder().algorithm(algorithm).build()).fit(data, d, start));
    }
  }

  @Property(tries = 40, seed = "645")
  void agreeOnRandomCentresIncludingEmptyClusters(@ForAll @IntRange(min = 2, max = 12) int k, @ForAll long seed) {
    // Random starting centres spread far beyond the data leave clusters empty and exercise the repair.
    double[] data = Datasets.uniform(300, 3, seed);
    double[] start = Arbitraries.doubles().between(-3, 4).array(double[].class).ofSize(3 * k)
        .generator(1).next(new java.util.Random(seed)).value();
    KMeansConfig lloyd = KMeansConfig.builder(k).tolerance(0).algorithm(KMeansAlgorithm.LLOYD).build();
    KMeansResult expected = new KMeans(lloyd).fit(data, 3, start);
    for (KMeansAlgorithm algorithm : new KMeansAlgorithm[] {KMeansAlgorithm.HAMERLY, KMeansAlgorithm.ELKAN}) {
      assertSameClustering(expected, new KMeans(lloyd.toBuilder().algorithm(algorithm).build()).fit(data, 3, start));
    }
  }

  private static void assertSameClustering(KMeansResult expected, KMeansResult actual) {
    assertThat(actual.assignments()).as("%s assignments", actual.algorithm()).containsExactly(expected.assignments());
    assertThat(actual.centroids()).as("%s centroids", actual.algorithm())
        .containsExactly(expected.centroids(), within(1e-12));
    assertThat(actual.sizes()).containsExactly(expected.sizes());
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.sse()).isCloseTo(expected.sse(), within(1e-12 * Math.max(1, expected.sse())));
  }

  private static double[] integerGrid(int n, int d, int side, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[] data = new double[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(side);
    }
    return data;
  }
}
