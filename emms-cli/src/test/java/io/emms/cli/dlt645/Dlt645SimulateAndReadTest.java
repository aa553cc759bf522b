package io.emms.cli.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.EmmsCli;
import io.emms.cli.RunningSimulator;
import io.emms.cli.output.JsonOutput;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code emms simulate dlt645} on an ephemeral port, read with {@code emms read dlt645} over loopback TCP. */
class Dlt645SimulateAndReadTest {

  @Test
  void readsSimulatedMeterOverTcp() throws Exception {
    PipedWriter simOut = new PipedWriter();
    BufferedReader simLines = new BufferedReader(new PipedReader(simOut));
    CommandLine sim = EmmsCli.commandLine();
    sim.setOut(new PrintWriter(simOut, true));
    Thread simulator = new Thread(() -> sim.execute("simulate", "dlt645", "--tcp", "0",
        "--meters", "000102030425,000102030426", "--initial-kwh", "1206.42", "--noise", "0"));
    simulator.start();
    try {
      Matcher m = Pattern.compile("on tcp:127\\.0\\.0\\.1:(\\d+)").matcher(simLines.readLine());
      assertThat(m.find()).isTrue();
      String target = "127.0.0.1:" + m.group(1);

      CliRun run = CliRun.of("read", "dlt645", "--tcp", target, "--address", "000102030426",
          "--di", "00010000", "--di", "02010100", "--di", "04000401", "--di", "EEEEEEEE");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      JsonNode j = JsonOutput.mapper().readTree(run.outLines()[0]);
      JsonNode energy = j.get("readings").get(0);
      assertThat(energy.get("quality").asText()).isEqualTo("VALID");
      assertThat(energy.get("values").get(0).get("value").decimalValue()).isBetween(
          new java.math.BigDecimal("1206.42"), new java.math.BigDecimal("1207.42"));
      JsonNode voltage = j.get("readings").get(1).get("values").get(0);
      assertThat(voltage.get("value").decimalValue()).isEqualByComparingTo("220.0");
      assertThat(voltage.get("unit").asText()).isEqualTo("V");
      assertThat(j.get("readings").get(2).get("values").get(0).get("value").asText()).isEqualTo("000102030426");
      JsonNode unknown = j.get("readings").get(3);
      assertThat(unknown.get("quality").asText()).isEqualTo("ERROR");
      assertThat(unknown.get("error").get("reasons").get(0).asText()).isEqualTo("NO_REQUESTED_DATA");

      CliRun silent = CliRun.of("read", "dlt645", "--tcp", target, "--address", "999999999998",
          "--di", "00010000", "--timeout", "300");
      JsonNode timeout = JsonOutput.mapper().readTree(silent.outLines()[0]).get("readings").get(0);
      assertThat(timeout.get("quality").asText()).isEqualTo("TIMEOUT");
    } finally {
      simulator.interrupt();
      simulator.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(simulator.isAlive()).isFalse();
  }

  @Test
  void unreachableTargetIsALinkFailureInOneLine() {
    CliRun run = CliRun.of("read", "dlt645", "--tcp", "127.0.0.1:1", "--address", "000102030425", "--di", "00010000");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualToIgnoringNewLines("emms: tcp:127.0.0.1:1: connection refused");
  }

  @Test
  void aMeterOfTheOtherEditionGetsAHint() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start("simulate", "dlt645", "--tcp", "0", "--edition", "1997",
        "--meters", "000000000003")) {
      CliRun run = CliRun.of("read", "dlt645", "--tcp", sim.target(), "--address", "000000000003",
          "--di", "00010000", "--timeout", "1000");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      JsonNode reading = JsonOutput.mapper().readTree(run.outLines()[0]).get("readings").get(0);
      assertThat(reading.get("quality").asText()).as(reading.toString()).isEqualTo("ERROR");
      assertThat(reading.get("error").get("hint").asText())
          .isEqualTo("the meter may speak DL/T 645-1997; try --edition 1997");
    }
  }

  @Test
  void theSimulatorAndTheReadSayInWhichZoneTheMeterClockRuns() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start("simulate", "dlt645", "--tcp", "0", "--zone", "Europe/Berlin")) {
      assertThat(sim.firstLine()).contains("clocks in Europe/Berlin");
      CliRun run = CliRun.of("read", "dlt645", "--tcp", sim.target(), "--address", "000102030425",
          "--di", "04000101", "--zone", "Europe/Berlin");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(JsonOutput.mapper().readTree(run.outLines()[0]).get("zone").asText()).isEqualTo("Europe/Berlin");
    }
    CliRun badZone = CliRun.of("simulate", "dlt645", "--tcp", "0", "--zone", "Mars/Olympus");
    assertThat(badZone.exitCode()).isEqualTo(2);
    assertThat(badZone.err()).isEqualToIgnoringNewLines(
        "emms: --zone must be a time-zone id such as Asia/Shanghai or UTC, not \"Mars/Olympus\"");
  }
}
