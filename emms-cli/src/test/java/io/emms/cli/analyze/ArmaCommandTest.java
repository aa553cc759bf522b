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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LakeHuron figures are R's {@code arima(method = "ML", reltol = 1e-14)} references committed with emms-analytics
 * (src/test/resources/arma/lakehuron*.ref.csv); the series files here are copies, with the gaps written as empty
 * values.
 */
class ArmaCommandTest {

  @TempDir Path dir;

  @Test
  void reproducesRsLakeHuronAr2FitAndForecast() {
    JsonNode out = json("analyze", "arma", "--input", resource("lakehuron.csv"), "--order", "2,0,0", "--mean",
        "--forecast", "3");

    assertThat(doubles(out.get("order"))).containsExactly(2, 0, 0);
    assertThat(doubles(out.get("ar"))).containsExactly(new double[] {1.0436192453478337, -0.24950259249091108},
        within(1e-4));
    assertThat(out.get("ma")).isEmpty();
    assertThat(out.get("mean").doubleValue()).isCloseTo(579.0472567095044, within(1e-3));
    assertThat(out.get("sigma2").doubleValue()).isCloseTo(0.4788205639518171, within(1e-5));
    assertThat(out.get("loglik").doubleValue()).isCloseTo(-103.63322253422785, within(1e-6));
    assertThat(out.get("aic").doubleValue()).isCloseTo(215.2664450684557, within(2e-6));
    assertThat(out.get("bic").doubleValue()).isCloseTo(225.606314983138, within(2e-6));
    // AICc = AIC + 2k(k+1)/(n−k−1) with k = 4 (two AR, mean, sigma2), n = 98: 215.26645 + 40/93
    assertThat(out.get("aicc").doubleValue()).isCloseTo(215.2664450684557 + 40.0 / 93, within(2e-6));
    assertThat(out.get("n").intValue()).isEqualTo(98);
    assertThat(doubles(out.get("forecast"))).containsExactly(
        new double[] {579.7895465377447, 579.5941928426247, 579.4328465474792}, within(1e-4));
    assertThat(doubles(out.get("se"))).containsExactly(
        new double[] {0.6919686148603975, 1.0001618537453785, 1.1566714392797806}, within(1e-5));
    assertThat(doubles(out.get("lower95"))).containsExactly(
        new double[] {578.4333129741863, 577.6339116305728, 577.1658121845446}, within(1e-4));
    assertThat(doubles(out.get("upper95"))).containsExactly(
        new double[] {581.1457801013032, 581.5544740546763, 581.6998809104136}, within(1e-4));
  }

  @Test
  void emptyValuesAreMissingObservationsSkippedByTheLikelihood() {
    JsonNode out = json("analyze", "arma", "--input", resource("lakehuron_gaps.csv"), "--order", "1,0,1", "--mean");

    assertThat(out.get("n").intValue()).isEqualTo(90); // 98 years, 8 of them blank
    assertThat(out.get("loglik").doubleValue()).isCloseTo(-96.12523868371285, within(1e-6));
    assertThat(out.get("ar").get(0).doubleValue()).isCloseTo(0.7750239950508158, within(1e-4));
    assertThat(out.get("ma").get(0).doubleValue()).isCloseTo(0.2810561338062643, within(1e-4));
    assertThat(out.get("forecast")).isEmpty();
  }

  @Test
  void recoversTheCoefficientOfASimulatedAr1AndSelectsItsOrder() throws IOException {
    Path file = ar1(dir, 0.6, 1000);

    JsonNode fixed = json("analyze", "arma", "--input", file.toString(), "--order", "1,0,0", "--mean");
    // standard error of phi ≈ √((1 − 0.36) / 1000) = 0.025; 3 of them
    assertThat(fixed.get("ar").get(0).doubleValue()).isCloseTo(0.6, within(0.075));
    assertThat(fixed.get("mean").doubleValue()).isCloseTo(10, within(0.25));
    assertThat(fixed.get("coefficientSe").get("ar").get(0).doubleValue()).isCloseTo(0.025, within(0.003));

    JsonNode auto = json("analyze", "arma", "--input", file.toString(), "--order", "auto", "--criterion", "bic",
        "--search", "grid", "--max-p", "2", "--max-q", "2");
    assertThat(doubles(auto.get("order"))).containsExactly(1, 0, 0);
    assertThat(auto.get("mean").isNumber()).isTrue();
    assertThat(auto.get("loglik").doubleValue()).isCloseTo(fixed.get("loglik").doubleValue(), within(1e-6));
    JsonNode selection = auto.get("selection");
    assertThat(selection.get("criterion").asText()).isEqualTo("bic");
    assertThat(selection.get("candidates")).hasSize(3 * 3 * 2);
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode c : selection.get("candidates")) {
      best = Math.min(best, c.get("score").doubleValue());
    }
    assertThat(auto.get("bic").doubleValue()).isCloseTo(best, within(1e-6));
  }

  @Test
  void autoWithNoMeanTriesOnlyModelsWithoutAMean() {
    JsonNode out = json("analyze", "arma", "--input", resource("lakehuron.csv"), "--order", "auto", "--no-mean",
        "--max-p", "2", "--max-q", "1");
    assertThat(out.get("mean").isNull()).isTrue();
    assertThat(out.get("selection").get("search").asText()).isEqualTo("stepwise");
    assertThat(out.get("selection").get("candidates")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("mean").booleanValue()).isFalse());
    assertThat(badInput("analyze", "arma", "--input", dir.resolve("absent.csv").toString(), "--order", "auto"))
        .isEqualTo("emms: cannot read " + dir.resolve("absent.csv") + ": no such file");
  }

  @Test
  void noMeanIsReportedAsNull() {
    JsonNode out = json("analyze", "arma", "--input", resource("lakehuron.csv"), "--order", "0,1,1");
    assertThat(out.get("mean").isNull()).isTrue();
    assertThat(out.get("n").intValue()).isEqualTo(97); // one observation lost to differencing
  }

  @Test
  void badOptionsAndBadFilesExitWithCode2AndOneLine() throws IOException {
    assertThat(badInput("analyze", "arma", "--input", resource("lakehuron.csv"), "--order", "1,2"))
        .contains("--order").contains("1,2");
    assertThat(badInput("analyze", "arma", "--input", resource("lakehuron.csv"), "--order", "0,1,1", "--mean"))
        .contains("--mean");
    Path bad = Files.writeString(dir.resolve("bad.csv"), "kw\n1.5\n2.5\n2,5\n3.5\n");
    assertThat(badInput("analyze", "arma", "--input", bad.toString(), "--order", "1,0,0"))
        .isEqualTo("emms: " + bad + " line 4: 2 fields, expected 1");
    Path word = Files.writeString(dir.resolve("word.csv"), "kw\n1.5\n2.5\nhigh\n");
    assertThat(badInput("analyze", "arma", "--input", word.toString(), "--order", "1,0,0"))
        .isEqualTo("emms: " + word + " line 4: \"high\" is not a number");
  }

  /** y = 10 + x, x(t) = phi x(t−1) + e(t), e ~ N(0, 1) from a fixed seed, after 200 burn-in steps. */
  static Path ar1(Path dir, double phi, int n) throws IOException {
    Random random = new Random(20261124);
    StringBuilder csv = new StringBuilder("load\n");
    double x = 0;
    for (int t = -200; t < n; t++) {
      x = phi * x + random.nextGaussian();
      if (t >= 0) {
        csv.append(10 + x).append('\n');
      }
    }
    return Files.writeString(dir.resolve("ar1.csv"), csv);
  }
}
