package io.emms.cli.analyze;

import static io.emms.cli.analyze.AnalyzeRun.badInput;
import static io.emms.cli.analyze.AnalyzeRun.json;
import static io.emms.cli.analyze.AnalyzeRun.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spike.csv: 20 quarter-hours from 2026-01-05T00:00Z near 1 kWh, with 9 kWh injected at index 12 (03:00, line 14). */
class AnomaliesCommandTest {

  @TempDir Path dir;

  @Test
  void hampelFlagsTheInjectedSpike() {
    JsonNode out = json("analyze", "anomalies", "--input", resource("spike.csv"), "--method", "hampel");

    assertThat(out.get("method").asText()).isEqualTo("hampel");
    assertThat(out.get("count").intValue()).isEqualTo(1);
    JsonNode a = out.get("anomalies").get(0);
    assertThat(a.get("index").intValue()).isEqualTo(12);
    assertThat(a.get("line").intValue()).isEqualTo(14);
    assertThat(a.get("timestamp").asText()).isEqualTo("2026-01-05T03:00:00Z");
    assertThat(a.get("value").doubleValue()).isEqualTo(9.0);
    // window 9..15 = {1.0, 1.2, 0.8, 9.0, 1.1, 0.9, 1.0}: median 1.0; |deviations| {0, .2, .2, 8, .1, .1, 0}: MAD 0.1
    assertThat(a.get("expected").doubleValue()).isEqualTo(1.0);
    assertThat(a.get("score").doubleValue()).isCloseTo(8 / (1.4826 * 0.1), within(1e-9));
    assertThat(a.get("threshold").doubleValue()).isEqualTo(3.0);
    assertThat(a.get("reason").asText()).startsWith("hampel: value 9.000");
  }

  @Test
  void zScoreFlagsTheSpikeAgainstTheWholeSeries() {
    JsonNode out = json("analyze", "anomalies", "--input", resource("spike.csv"), "--column", "kwh", "--method",
        "zscore");

    // Σx = 28.1, mean 1.405; Σx² = 100.51, SS = 100.51 − 20 · 1.405² = 61.0295, sd = √(61.0295 / 19) = 1.792227;
    // z(9) = 7.595 / 1.792227 = 4.237744, the only value beyond 3
    assertThat(out.get("count").intValue()).isEqualTo(1);
    JsonNode a = out.get("anomalies").get(0);
    assertThat(a.get("index").intValue()).isEqualTo(12);
    assertThat(a.get("expected").doubleValue()).isCloseTo(1.405, within(1e-12));
    assertThat(a.get("score").doubleValue()).isCloseTo(4.237744, within(1e-6));
  }

  @Test
  void armaResidualsFlagTheSpike() {
    JsonNode out = json("analyze", "anomalies", "--input", resource("spike.csv"), "--method", "arma",
        "--arma-order", "0,0,0", "--threshold", "3");

    assertThat(out.get("count").intValue()).isEqualTo(1);
    assertThat(out.get("anomalies").get(0).get("index").intValue()).isEqualTo(12);
    // ARMA(0,0,0) with a mean: the prediction is the ML mean, the sample mean 1.405
    assertThat(out.get("anomalies").get(0).get("expected").doubleValue()).isCloseTo(1.405, within(1e-6));
  }

  @Test
  void seasonalComparesWithTheSameHourOfOtherWeekdays() throws IOException {
    // Monday to Friday hourly; hour h of day d is 1 + h / 10 + d / 100, plus 5 kWh on Wednesday 14:00
    StringBuilder csv = new StringBuilder("kwh\n");
    for (int d = 0; d < 5; d++) {
      for (int h = 0; h < 24; h++) {
        double v = 1 + h / 10.0 + d / 100.0 + (d == 2 && h == 14 ? 5 : 0);
        csv.append(String.format(Locale.ROOT, "%.2f%n", v));
      }
    }
    Path file = Files.writeString(dir.resolve("week.csv"), csv);

    JsonNode out = json("analyze", "anomalies", "--input", file.toString(), "--method", "seasonal", "--start",
        "2026-01-05T00:00", "--interval-minutes", "60");

    assertThat(out.get("count").intValue()).isEqualTo(1);
    JsonNode a = out.get("anomalies").get(0);
    assertThat(a.get("index").intValue()).isEqualTo(2 * 24 + 14);
    assertThat(a.get("timestamp").asText()).isEqualTo("2026-01-07T14:00:00Z");
    // 14:00 on the five weekdays: 2.40, 2.41, 7.42, 2.43, 2.44 → median 2.43
    assertThat(a.get("expected").doubleValue()).isCloseTo(2.43, within(1e-9));
    assertThat(a.get("threshold").doubleValue()).isEqualTo(4.0);
  }

  @Test
  void veeReportsTheGapTheNegativeAndTheImpossibleInterval() {
    JsonNode out = json("analyze", "anomalies", "--input", resource("energy.csv"), "--method", "vee", "--start",
        "2026-01-05T08:00:00+08:00");

    assertThat(out.get("count").intValue()).isEqualTo(3);
    JsonNode f = out.get("findings");
    assertThat(f.get(0).get("rule").asText()).isEqualTo("GAP");
    assertThat(f.get(0).get("index").intValue()).isEqualTo(3);
    assertThat(f.get(0).get("line").intValue()).isEqualTo(5);
    assertThat(f.get(0).get("timestamp").asText()).isEqualTo("2026-01-05T00:45:00Z");
    assertThat(f.get(1).get("rule").asText()).isEqualTo("NEGATIVE");
    assertThat(f.get(1).get("value").doubleValue()).isEqualTo(-0.05);
    // 1 phase × 220 V × 60 A × 0.25 h = 3.3 kWh, with 10 % tolerance 3.63 kWh
    assertThat(f.get(2).get("rule").asText()).isEqualTo("METER_FAST");
    assertThat(f.get(2).get("index").intValue()).isEqualTo(7);
    assertThat(f.get(2).get("threshold").doubleValue()).isCloseTo(3.63, within(1e-9));
    assertThat(f.get(2).get("message").asText()).contains("4.000 kWh").contains("3.630");
  }

  @Test
  void missingTimestampsAndBadInputExitWithCode2() throws IOException {
    assertThat(badInput("analyze", "anomalies", "--input", resource("energy.csv"), "--method", "seasonal"))
        .contains("--timestamp-column").contains("--start");
    assertThat(badInput("analyze", "anomalies", "--input", resource("spike.csv"), "--method", "median"))
        .contains("--method");
    Path file = Files.writeString(dir.resolve("t.csv"), "timestamp,kwh\n2026-01-05T00:00Z,1\n05/01/2026 00:15,2\n");
    assertThat(badInput("analyze", "anomalies", "--input", file.toString(), "--method", "vee"))
        .isEqualTo("emms: " + file + " line 3: \"05/01/2026 00:15\" is not an ISO-8601 timestamp");
  }

  @Test
  void anExcelFileFromAEuropeanLocaleIsReadAndTheDialectIsSaid() throws IOException {
    // spike.csv as Excel saves it in a decimal-comma locale: BOM, ';' separators, decimal commas.
    Path excel = dir.resolve("spike-excel.csv");
    List<String> lines = Files.readAllLines(Path.of(resource("spike.csv")));
    StringBuilder text = new StringBuilder("\uFEFF");
    for (String line : lines) {
      text.append(line.replace(",", ";").replace(".", ",")).append("\r\n");
    }
    Files.writeString(excel, text);

    CliRun run = CliRun.of("analyze", "anomalies", "--input", excel.toString(), "--method", "hampel");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualToIgnoringNewLines("emms: " + excel + ": read with ';' separators, decimal commas");
    assertThat(run.out()).isEqualTo(CliRun.of("analyze", "anomalies", "--input", resource("spike.csv"), "--method", "hampel").out());
  }
}
