package io.emms.cli.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.EmmsCli;
import io.emms.cli.output.JsonOutput;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code emms simulate modbus} on an ephemeral port, read with {@code emms read modbus} over loopback TCP. */
class ModbusSimulateAndReadTest {

  private static Thread simulate(BufferedReader[] firstLine, String... args) throws Exception {
    PipedWriter out = new PipedWriter();
    firstLine[0] = new BufferedReader(new PipedReader(out));
    CommandLine cli = EmmsCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    Thread t = new Thread(() -> cli.execute(args));
    t.start();
    return t;
  }

  private static String target(BufferedReader lines) throws Exception {
    Matcher m = Pattern.compile("on tcp:127\\.0\\.0\\.1:(\\d+)").matcher(lines.readLine());
    assertThat(m.find()).isTrue();
    return "127.0.0.1:" + m.group(1);
  }

  @Test
  void genericDeviceRegistersAndIllegalAddress() throws Exception {
    BufferedReader[] lines = new BufferedReader[1];
    Thread sim = simulate(lines, "simulate", "modbus", "--tcp", "0");
    try {
      String target = target(lines[0]);
      CliRun run = CliRun.of("read", "modbus", "--tcp", target, "--unit", "1", "--function", "3", "--address", "9995", "--count", "5");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode regs = JsonOutput.mapper().readTree(run.outLines()[0]).get("registers");
      assertThat(regs).hasSize(5);
      // Register i holds i + steps (mod 65536): consecutive registers differ by one.
      assertThat(regs.get(4).asInt() - regs.get(0).asInt()).isEqualTo(4);
      CliRun beyond = CliRun.of("read", "modbus", "--tcp", target, "--unit", "1", "--function", "4", "--address", "9998", "--count", "3");
      assertThat(beyond.exitCode()).isEqualTo(1);
      assertThat(JsonOutput.mapper().readTree(beyond.outLines()[0]).get("exception").get("code").asInt()).isEqualTo(2);
    } finally {
      sim.interrupt();
      sim.join(10_000);
    }
  }

  @Test
  void profiledMeterGivesNamedReadingsWithUnits() throws Exception {
    BufferedReader[] lines = new BufferedReader[1];
    Thread sim = simulate(lines, "simulate", "modbus", "--tcp", "0", "--profile", "sdm120", "--unit", "7");
    try {
      CliRun run = CliRun.of("read", "modbus", "--tcp", target(lines[0]), "--unit", "7", "--profile", "sdm120");
      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode readings = JsonOutput.mapper().readTree(run.outLines()[0]).get("readings");
      JsonNode voltage = null;
      for (JsonNode r : readings) {
        assertThat(r.get("quality").asText()).isEqualTo("VALID");
        if (r.get("quantity").asText().startsWith("VOLTAGE")) {
          voltage = r;
        }
      }
      assertThat(voltage).isNotNull();
      assertThat(voltage.get("unit").asText()).isEqualTo("V");
      assertThat(voltage.get("value").asDouble()).isBetween(180.0, 260.0);
    } finally {
      sim.interrupt();
      sim.join(10_000);
    }
  }

  @Test
  void unknownProfileIsBadInput() {
    CliRun run = CliRun.of("simulate", "modbus", "--tcp", "0", "--profile", "nosuchmeter");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown profile \"nosuchmeter\"");
  }
}
