package io.emms.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterScoresTest {
  private static final double[] DATA = readData();
  private static final Map<String, int[]> LABELS = readLabels();

  /** Rows: labelling, then scikit-learn's silhouette, Davies–Bouldin, Calinski–Harabasz, and the simplified one. */
  static Stream<Arguments> references() {
    return lines("scores-reference.csv").stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("labelling"))
        .map(l -> l.split(","))
        .map(f -> Arguments.of(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void matchScikitLearn(String labelling, double silhouette, double daviesBouldin, double calinskiHarabasz,
      double simplified) {
    int[] labels = LABELS.get(labelling);
    assertThat(ClusterScores.silhouette(DATA, 3, labels)).isCloseTo(silhouette, within(1e-9));
    assertThat(ClusterScores.daviesBouldin(DATA, 3, labels)).isCloseTo(daviesBouldin, within(1e-9));
    assertThat(ClusterScores.calinskiHarabasz(DATA, 3, labels)).isCloseTo(calinskiHarabasz, within(1e-9));
    assertThat(ClusterScores.simplifiedSilhouette(DATA, 3, labels)).isCloseTo(simplified, within(1e-9));
  }

  @Test
  void silhouettesOfTwoPairsWorkedByHand() {
    // {0, 1} and {10, 11}. Exact: point 0 has a = 1, b = (10 + 11) / 2; point 1 has a = 1, b = (9 + 10) / 2; the
    // other pair mirrors them. Simplified: points 0 and 11 are 0.5 from their mean and 10.5 from the other one,
    // points 1 and 10 are 0.5 and 9.5.
    double[] data = {0, 1, 10, 11};
    int[] labels = {0, 0, 1, 1};
    double exact = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    assertThat(ClusterScores.silhouette(data, 1, labels)).isCloseTo(exact, within(1e-15));
    assertThat(ClusterScores.simplifiedSilhouette(data, 1, labels)).isCloseTo((10 / 10.5 + 9 / 9.5) / 2, within(1e-15));
    // Scatter 0.5 each, centroids 10 apart: (0.5 + 0.5) / 10.
    assertThat(ClusterScores.daviesBouldin(data, 1, labels)).isCloseTo(0.1, within(1e-15));
    // Between: 2·5² + 2·5² = 100; within: 4 · 0.25 = 1; times (4 − 2) / (2 − 1).
    assertThat(ClusterScores.calinskiHarabasz(data, 1, labels)).isCloseTo(200, within(1e-12));
  }

  @Test
  void identicalPointsPerClusterGiveTheDegenerateValues() {
    double[] data = {2, 2, 7, 7};
    int[] labels = {0, 0, 1, 1};
    assertThat(ClusterScores.calinskiHarabasz(data, 1, labels)).isEqualTo(1.0);
    assertThat(ClusterScores.silhouette(data, 1, labels)).isEqualTo(1.0);
    assertThat(ClusterScores.daviesBouldin(data, 1, labels)).isZero();
  }

  @Test
  void rejectsLabellingsWithoutAStructure() {
    double[] data = {0, 1, 2};
    assertThatThrownBy(() -> ClusterScores.silhouette(data, 1, new int[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClusterScores.daviesBouldin(data, 1, new int[] {0, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClusterScores.calinskiHarabasz(data, 1, new int[] {0, -1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClusterScores.simplifiedSilhouette(data, 1, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[] readData() {
    return lines("scores-data.csv").stream()
        .flatMap(l -> Arrays.stream(l.split(",")))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  private static Map<String, int[]> readLabels() {
    Map<String, int[]> labels = new LinkedHashMap<>();
    for (String line : lines("scores-labels.csv")) {
      String[] f = line.split(",");
      labels.put(f[0], Arrays.stream(f, 1, f.length).mapToInt(Integer::parseInt).toArray());
    }
    return labels;
  }

  private static List<String> lines(String resource) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ClusterScoresTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
