package io.emms.cli.analyze;

import static io.emms.cli.analyze.AnalyzeRun.badInput;
import static io.emms.cli.analyze.AnalyzeRun.doubles;
import static io.emms.cli.analyze.AnalyzeRun.json;
import static io.emms.cli.analyze.AnalyzeRun.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profiles.csv holds two obvious groups: m1, m3, m5 around (1, 1, 1, 1) and m2, m4 = (10, 10, 0, 0), (10, 12, 0, 2).
 * By hand: centroids (1, 1, 1, 1) and (10, 11, 0, 1); SSE = (0.04 + 0.04) · 2 + (1 + 1) · 2 = 4.16.
 */
class KMeansCommandTest {

  @TempDir Path dir;

  @Test
  void twoObviousClustersWithTheirScores() {
    JsonNode out = json("analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "2", "--seed", "7",
        "--label-column", "meter");

    assertThat(out.get("k").intValue()).isEqualTo(2);
    int a = out.get("assignments").get(0).intValue();
    int b = 1 - a;
    assertThat(doubles(out.get("assignments"))).containsExactly(a, b, a, b, a);
    assertThat(out.get("sizes").get(a).intValue()).isEqualTo(3);
    assertThat(out.get("sizes").get(b).intValue()).isEqualTo(2);
    assertThat(doubles(out.get("centroids").get(a))).containsExactly(new double[] {1, 1, 1, 1}, within(1e-12));
    assertThat(doubles(out.get("centroids").get(b))).containsExactly(new double[] {10, 11, 0, 1}, within(1e-12));
    assertThat(out.get("sse").doubleValue()).isCloseTo(4.16, within(1e-12));
    assertThat(out.get("labels").get(3).asText()).isEqualTo("m4");

    JsonNode scores = out.get("scores");
    // Davies–Bouldin: mean distances to the centroids s = (0 + 2·√0.08) / 3 = 0.188562 and √2 = 1.414214;
    // centroid distance √(81 + 100 + 1) = 13.490738; (0.188562 + 1.414214) / 13.490738 = 0.118806 for both
    assertThat(scores.get("daviesBouldin").doubleValue()).isCloseTo(0.118806, within(1e-6));
    // Calinski–Harabasz: grand mean (4.6, 5, 0.6, 1); between = 3 · 29.12 + 2 · 65.52 = 218.4; within = 4.16;
    // (218.4 / 4.16) · (5 − 2) / (2 − 1) = 157.5
    assertThat(scores.get("calinskiHarabasz").doubleValue()).isCloseTo(157.5, within(1e-9));
    assertThat(scores.get("silhouette").doubleValue()).isBetween(0.8, 1.0);
    assertThat(scores.get("silhouetteExact").booleanValue()).isTrue();
  }

  @Test
  void autoScoresEveryCandidateAndTheCriterionChooses() {
    String[] args = {"analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "auto", "--k-range", "2..4",
        "--label-column", "meter"};
    JsonNode out = json(args);

    assertThat(out.get("k").intValue()).isEqualTo(2);
    JsonNode scores = out.get("scores");
    assertThat(scores.get("criterion").asText()).isEqualTo("silhouette");
    assertThat(scores.get("chosenK").intValue()).isEqualTo(2);
    assertThat(scores.get("candidates")).hasSize(3);
    JsonNode two = scores.get("candidates").get(0);
    assertThat(two.get("k").intValue()).isEqualTo(2);
    assertThat(two.get("sse").doubleValue()).isCloseTo(4.16, within(1e-12));
    assertThat(two.get("calinskiHarabasz").doubleValue()).isCloseTo(157.5, within(1e-9));
    assertThat(two.get("daviesBouldin").doubleValue()).isCloseTo(0.118806, within(1e-6));
    for (JsonNode c : scores.get("candidates")) {
      assertThat(c.get("silhouette").doubleValue()).isLessThanOrEqualTo(two.get("silhouette").doubleValue());
    }

    // k = 3 splits m2 from m4: SSE 0.16, and Davies–Bouldin, which rewards tight clusters, prefers it
    JsonNode byDb = json(concat(args, "--criterion", "davies-bouldin"));
    assertThat(byDb.get("k").intValue()).isEqualTo(3);
    assertThat(byDb.get("sse").doubleValue()).isCloseTo(0.16, within(1e-12));
    assertThat(byDb.get("scores").get("criterion").asText()).isEqualTo("davies-bouldin");
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void sameSeedSameClustering() {
    String[] args = {"analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "3", "--seed", "11",
        "--label-column", "meter"};
    assertThat(json(args)).isEqualTo(json(args));
  }

  @Test
  void incompleteProfilesAndBadOptionsExitWithCode2() throws IOException {
    Path gap = Files.writeString(dir.resolve("gap.csv"), "1,2,3\n4,5,6\n7,,9\n");
    assertThat(badInput("analyze", "kmeans", "--input", gap.toString(), "--k", "2"))
        .isEqualTo("emms: " + gap + " line 3: value 2 of the profile is missing; k-means needs complete profiles");
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2,3\n4,5,6\n7,8\n");
    assertThat(badInput("analyze", "kmeans", "--input", ragged.toString(), "--k", "2"))
        .isEqualTo("emms: " + ragged + " line 3: 2 fields, expected 3");
    assertThat(badInput("analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "two"))
        .contains("--k");
    assertThat(badInput("analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "auto", "--k-range", "5..2"))
        .contains("--k-range");
    assertThat(badInput("analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "2"))
        .contains("line 2").contains("\"m1\" is not a number");
    assertThat(badInput("analyze", "kmeans", "--input", resource("profiles.csv"), "--k", "6", "--label-column",
        "meter")).contains("5 points cannot form 6 clusters");
  }
}
