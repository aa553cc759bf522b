package io.emms.cli.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emms poll} against simulated meters ({@code emms simulate ...}) over loopback TCP. */
class PollCommandTest {

  private Simulators simulators;
  private int dlt2007;

  @BeforeEach
  void startSimulators() throws Exception {
    simulators = new Simulators();
    dlt2007 = simulators.start("simulate", "dlt645", "--tcp", "0", "--meters", "000102030425,000102030426",
        "--initial-kwh", "1206.42");
  }

  @AfterEach
  void stopSimulators() throws InterruptedException {
    simulators.close();
  }

  private static List<JsonNode> json(CliRun run) throws Exception {
    List<JsonNode> readings = new ArrayList<>();
    for (String line : run.outLines()) {
      readings.add(JsonOutput.mapper().readTree(line));
    }
    return readings;
  }

  @Test
  void oneLineFromTheCommandLineReadsEachMetersDefaultQuantities() throws Exception {
    CliRun run = CliRun.of("poll", "--line", "tcp://127.0.0.1:" + dlt2007, "--meter", "dlt645-2007:000102030425",
        "--meter", "dlt645-2007:000102030426", "--once");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> readings = json(run);
    assertThat(readings).extracting(r -> r.get("meter").asText())
        .containsOnly("dlt645-2007:000102030425", "dlt645-2007:000102030426");
    assertThat(readings).allSatisfy(r -> {
      assertThat(r.fieldNames()).toIterable().containsExactly("meter", "quantity", "value", "unit", "quality", "time");
      assertThat(r.get("quality").asText()).isEqualTo("VALID");
      assertThat(Instant.parse(r.get("time").asText())).isNotNull();
      assertThat(r.get("time").asText()).endsWith("Z");
    });
    JsonNode energy = readings.stream()
        .filter(r -> r.get("quantity").asText().equals("ACTIVE_ENERGY_IMPORT")).findFirst().orElseThrow();
    assertThat(energy.get("value").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1206.42"));
    assertThat(energy.get("unit").asText()).isEqualTo("kWh");
    assertThat(readings.stream().filter(r -> r.get("quantity").asText().equals("VOLTAGE.A")).count()).isEqualTo(2);
    assertThat(run.err()).contains("line line (tcp:127.0.0.1:" + dlt2007 + "): requests ")
        .contains("meter dlt645-2007:000102030425 (line line): polls 1, readings 5 valid / 0 missing, failed polls 0");
  }

  @Test
  void mixedFleetFromAFileInCsv(@TempDir Path dir) throws Exception {
    int dlt1997 = simulators.start("simulate", "dlt645", "--tcp", "0", "--meters", "000000001997", "--edition", "1997");
    int modbus = simulators.start("simulate", "modbus", "--tcp", "0", "--profile", "sdm630", "--unit", "7");
    Path fleet = dir.resolve("fleet.yaml");
    Files.writeString(fleet, """
        interval: 1m
        lines:
          - id: dlt2007
            link: tcp://127.0.0.1:%d?reconnect=false
            meters:
              - {id: revenue, protocol: dlt645-2007, address: 000102030425, quantities: [ACTIVE_ENERGY_IMPORT, VOLTAGE.A]}
          - id: dlt1997
            link: tcp://127.0.0.1:%d?reconnect=false
            meters:
              - {id: old, protocol: dlt645-1997, address: 000000001997, quantities: [ACTIVE_ENERGY_IMPORT]}
          - id: modbus
            link: tcp://127.0.0.1:%d?reconnect=false
            meters:
              - {id: sub, protocol: modbus, unit: 7, profile: sdm630, quantities: [VOLTAGE.A, FREQUENCY]}
        """.formatted(dlt2007, dlt1997, modbus));

    CliRun run = CliRun.of("poll", "--fleet", fleet.toString(), "--once", "--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] lines = run.outLines();
    assertThat(lines[0]).isEqualTo("meter,quantity,value,unit,quality,time");
    assertThat(Arrays.stream(lines).skip(1).map(l -> l.split(",")[0] + " " + l.split(",")[1] + " " + l.split(",")[4]))
        .containsExactlyInAnyOrder("revenue ACTIVE_ENERGY_IMPORT VALID", "revenue VOLTAGE.A VALID",
            "old ACTIVE_ENERGY_IMPORT VALID", "sub VOLTAGE.A VALID", "sub FREQUENCY VALID");
    assertThat(run.err()).contains("line dlt2007 ", "line dlt1997 ", "line modbus ", "meter revenue ", "meter old ",
        "meter sub (line modbus): polls 1, readings 2 valid");
  }

  @Test
  void anUnansweredMeterGivesTimeoutReadingsAndExitCodeOne() throws Exception {
    CliRun run = CliRun.of("poll", "--line", "tcp://127.0.0.1:" + dlt2007, "--meter", "dlt645-2007:000102030425",
        "--meter", "dlt645-2007:999999999998", "--quantity", "ACTIVE_ENERGY_IMPORT", "--timeout", "500ms", "--once");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(json(run)).extracting(r -> r.get("meter").asText() + " " + r.get("quality").asText() + " " + r.get("value"))
        .containsExactlyInAnyOrder("dlt645-2007:000102030425 VALID " + json(run).stream()
                .filter(r -> r.get("quality").asText().equals("VALID")).findFirst().orElseThrow().get("value"),
            "dlt645-2007:999999999998 TIMEOUT null");
    assertThat(run.err()).contains("meter dlt645-2007:999999999998 (line line): polls 1, readings 0 valid / 1 missing");
  }

  @Test
  void pollsOnTheIntervalForADurationAndTracesFrames() {
    CliRun run = CliRun.of("poll", "--line", "tcp://127.0.0.1:" + dlt2007, "--meter", "dlt645-2007:000102030425",
        "--quantity", "ACTIVE_ENERGY_IMPORT", "--interval", "100ms", "--for", "5s", "--trace");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).as(run.err()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("\"quality\":\"VALID\""));
    Matcher polls = Pattern.compile("polls (\\d+), .*skipped (\\d+)").matcher(run.err());
    assertThat(polls.find()).isTrue();
    assertThat(Long.parseLong(polls.group(1)) + Long.parseLong(polls.group(2)))
        .as("the interval ticked more than once (polls + skipped)").isGreaterThanOrEqualTo(2);
    assertThat(run.err()).containsPattern("Z line > (fe )*68 25 04 03 02 01 00 68 11 04 33 33 34 33")
        .containsPattern("Z line < ");
  }

  @Test
  void badInputIsExitCodeTwoWithAClearMessage(@TempDir Path dir) throws Exception {
    CliRun badUri = CliRun.of("poll", "--line", "tcp://127.0.0.1:99999", "--meter", "dlt645-2007:000102030425", "--once");
    assertThat(badUri.exitCode()).isEqualTo(2);
    assertThat(badUri.err()).contains("--line: bad link URI \"tcp://127.0.0.1:99999\": port must be a number from 1 to 65535");

    CliRun badSpec = CliRun.of("poll", "--line", "tcp://127.0.0.1:1", "--meter", "modbus:300", "--once");
    assertThat(badSpec.exitCode()).isEqualTo(2);
    assertThat(badSpec.err()).contains("--meter modbus:300: meter modbus:300: address: a Modbus unit id is a number "
        + "from 1 to 247, not \"300\"; profile: a Modbus meter needs a profile");

    Path fleet = dir.resolve("bad.yaml");
    Files.writeString(fleet, "lines:\n  - id: a\n    link: tcp://h:1?colour=red\n    meters:\n"
        + "      - {id: m, protocol: dlt645-2007, address: 12}\n");
    CliRun badFile = CliRun.of("poll", "--fleet", fleet.toString(), "--once");
    assertThat(badFile.exitCode()).isEqualTo(2);
    assertThat(badFile.err()).contains("2 problems in the fleet file:",
        "bad.yaml:3: lines[0].link: bad link URI \"tcp://h:1?colour=red\": tcp takes no option \"colour\"",
        "bad.yaml:5: lines[0].meters[0].address: a DL/T 645 address is 12 decimal digits, not \"12\"");

    CliRun noFile = CliRun.of("poll", "--fleet", dir.resolve("none.yaml").toString(), "--once");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("no fleet file");
  }

  @Test
  void aLineThatCannotOpenIsExitCodeTwo() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CliRun run = CliRun.of("poll", "--line", "tcp://127.0.0.1:" + closed + "?reconnect=false",
        "--meter", "dlt645-2007:000102030425", "--once");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("did not open", "emms: no line could be opened");
    assertThat(run.out()).isEmpty();
  }
}
