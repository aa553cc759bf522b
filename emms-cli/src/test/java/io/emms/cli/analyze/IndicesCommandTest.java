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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicesCommandTest {

  @TempDir Path dir;

  /**
   * voltage_1p.csv: ten 1-minute samples of one 220 V phase. Single-phase band +7 % / −10 %: 198.0 … 235.4 V.
   * Above: 236, 240; below: 197; so the rate is (1 − 3 / 10) × 100 = 70 %; the deviations span
   * (197 − 220) / 220 = −10.4545 % to (240 − 220) / 220 = +9.0909 %.
   */
  @Test
  void voltageQualificationRateWorkedByHand() {
    JsonNode out = json("analyze", "indices", "--input", resource("voltage_1p.csv"), "--nominal-voltage", "220",
        "--interval-minutes", "1");

    assertThat(out.get("samples").intValue()).isEqualTo(10);
    assertThat(out.get("from").asText()).isEqualTo("2026-01-05T00:00:00Z");
    assertThat(out.get("limits").get("voltageLowerPercent").doubleValue()).isEqualTo(-10.0);
    JsonNode q = out.get("qualification");
    assertThat(q.get("ratePercent").doubleValue()).isCloseTo(70.0, within(1e-9));
    assertThat(q.get("monitoredMinutes").doubleValue()).isEqualTo(10.0);
    assertThat(q.get("aboveMinutes").doubleValue()).isEqualTo(2.0);
    assertThat(q.get("belowMinutes").doubleValue()).isEqualTo(1.0);
    assertThat(q.get("maxDeviationPercent").doubleValue()).isCloseTo(9.090909, within(1e-6));
    assertThat(q.get("minDeviationPercent").doubleValue()).isCloseTo(-10.454545, within(1e-6));

    assertThat(advice(out)).containsExactly("VOLTAGE_QUALIFICATION_RATE:CRITICAL", "VOLTAGE_DEVIATION:WARNING",
        "VOLTAGE_DEVIATION:WARNING");
    assertThat(out.get("advice").get(0).get("text").asText()).contains("70.00 %").contains("99.00 %");
  }

  /**
   * feeder_3p.csv: four 15-minute samples, every one Ua = 220, Ub = 204.1, Uc = 217.3 V (the 2.29758 % case of the
   * notes), Ia, Ib, Ic = 100, 80, 60 A, P = 100 kW, Q = 75 kvar, f = 50.05, 49.7, 50.1, 50.0 Hz.
   */
  @Test
  void threePhaseFeederWorkedByHand() {
    JsonNode out = json("analyze", "indices", "--input", resource("feeder_3p.csv"), "--nominal-voltage", "220",
        "--rated-kva", "150", "--zone", "Asia/Shanghai");

    assertThat(out.get("from").asText()).isEqualTo("2026-01-04T16:00:00Z");
    // unbalance: U1 = 641.4 / 3 = 213.8, |3·U2| = |9.3 − j11.431535| = 14.736689, ε = 4.912230 / 213.8 = 2.29758 %
    assertThat(index(out, "VOLTAGE_UNBALANCE").get("value").doubleValue()).isCloseTo(2.29758, within(5e-6));
    // three-phase band ±7 %: Ub is (204.1 − 220) / 220 = −7.227 %, below in every sample: 8 of 12 phase-samples pass
    assertThat(out.get("qualification").get("ratePercent").doubleValue()).isCloseTo(200.0 / 3, within(1e-9));
    // (100 − 60) / 100
    assertThat(index(out, "CURRENT_UNBALANCE").get("value").doubleValue()).isCloseTo(40.0, within(1e-9));
    // 25 kWh and 18.75 kvarh per hour: cos φ = 100 / 125
    assertThat(index(out, "POWER_FACTOR").get("value").doubleValue()).isCloseTo(0.8, within(1e-12));
    assertThat(index(out, "FREQUENCY_DEVIATION").get("value").doubleValue()).isCloseTo(0.3, within(1e-9));
    // √(100² + 75²) / 150 = 125 / 150
    assertThat(index(out, "LOAD_RATE").get("value").doubleValue()).isCloseTo(250.0 / 3, within(1e-9));
    assertThat(index(out, "LOAD_FACTOR").get("value").doubleValue()).isCloseTo(1.0, within(1e-12));

    assertThat(advice(out)).contains("CURRENT_UNBALANCE:CRITICAL", "VOLTAGE_UNBALANCE:WARNING",
        "VOLTAGE_QUALIFICATION_RATE:CRITICAL", "FREQUENCY_DEVIATION:WARNING", "LOAD_RATE:WARNING");
    assertThat(advice(out)).anyMatch(a -> a.startsWith("POWER_FACTOR:"));
    assertThat(out.get("advice").get(0).get("severity").asText()).isEqualTo("CRITICAL");
  }

  @Test
  void withoutTheColumnsOrTheHeaderExitWithCode2() throws IOException {
    Path noHeader = Files.writeString(dir.resolve("n.csv"), "220,221\n219,222\n");
    assertThat(badInput("analyze", "indices", "--input", noHeader.toString(), "--nominal-voltage", "220"))
        .contains("needs a header line");
    Path other = Files.writeString(dir.resolve("o.csv"), "time,volts\n1,220\n");
    assertThat(badInput("analyze", "indices", "--input", other.toString(), "--nominal-voltage", "220"))
        .contains("has none of the columns");
    Path bad = Files.writeString(dir.resolve("b.csv"), "ua,ub\n220,221\n219,22l\n");
    assertThat(badInput("analyze", "indices", "--input", bad.toString(), "--nominal-voltage", "220"))
        .isEqualTo("emms: " + bad + " line 3: \"22l\" is not a number");
  }

  @Test
  void helpNamesTheColumnLayoutAndTheBands() {
    CliRun run = CliRun.of("analyze", "indices", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("timestamp (ISO-8601), ua, ub,").contains("worst phase, %)")
        .contains("+7/−10 %, three-phase ±7 %");
  }

  private static JsonNode index(JsonNode out, String name) {
    for (JsonNode v : out.get("indices")) {
      if (v.get("index").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no index " + name + " in " + out);
  }

  private static List<String> advice(JsonNode out) {
    List<String> list = new ArrayList<>();
    out.get("advice").forEach(a -> list.add(a.get("index").asText() + ":" + a.get("severity").asText()));
    return list;
  }
}
