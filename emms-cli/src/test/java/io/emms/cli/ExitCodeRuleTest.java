package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.command.ExitCode;
import io.emms.cli.output.JsonOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one exit-code rule of the README, case by case: 0 all done, 1 the meter refused or did not answer an item,
 * 2 bad input, 3 the link failed; every failure is one line on stderr without a stack trace.
 */
class ExitCodeRuleTest {

  private static void assertOneLine(CliRun run, int exitCode, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.err().lines()).as("one line, no stack trace").containsExactly(message);
  }

  @Test
  void aProfiledReadWhereEveryReadingFailedExitsOne() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start("simulate", "modbus", "--tcp", "0", "--profile", "sdm120", "--unit", "7")) {
      CliRun run = CliRun.of("read", "modbus", "--tcp", sim.target(), "--unit", "8", "--profile", "sdm120", "--timeout", "300");
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_READ);
      JsonNode readings = JsonOutput.mapper().readTree(run.outLines()[0]).get("readings");
      assertThat(readings).isNotEmpty().allSatisfy(r -> {
        assertThat(r.get("quality").asText()).isNotEqualTo("VALID");
        assertThat(r.get("registers").asText()).startsWith("input registers ");
      });
    }
  }

  @Test
  void aModbusTimeoutExitsOneLikeADlt645Timeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept());
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.start();
      String target = "127.0.0.1:" + silent.getLocalPort();
      CliRun modbus = CliRun.of("read", "modbus", "--tcp", target, "--unit", "9",
          "--function", "3", "--address", "0", "--count", "2", "--timeout", "300");
      CliRun dlt645 = CliRun.of("read", "dlt645", "--tcp", target, "--address", "000102030425",
          "--di", "00010000", "--timeout", "300");
      silent.close();
      acceptor.join(10_000);
      for (Socket s : held) {
        s.close();
      }
      assertThat(modbus.exitCode()).as(modbus.err()).isEqualTo(ExitCode.NOT_READ);
      assertThat(JsonOutput.mapper().readTree(modbus.outLines()[0]).get("quality").asText()).isEqualTo("TIMEOUT");
      assertThat(dlt645.exitCode()).as(dlt645.err()).isEqualTo(ExitCode.NOT_READ);
      assertThat(JsonOutput.mapper().readTree(dlt645.outLines()[0]).get("readings").get(0).get("quality").asText())
          .isEqualTo("TIMEOUT");
    }
  }

  @Test
  void aConnectionAcceptedThenClosedExitsThreeForBothProtocols() throws Exception {
    try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!closing.isClosed()) {
          try (Socket s = closing.accept()) {
            s.setSoLinger(true, 0);
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.start();
      String target = "127.0.0.1:" + closing.getLocalPort();
      CliRun dlt645 = CliRun.of("read", "dlt645", "--tcp", target, "--address", "000102030425", "--di", "00010000");
      CliRun modbus = CliRun.of("read", "modbus", "--tcp", target, "--unit", "1", "--function", "3", "--address", "0", "--count", "1");
      closing.close();
      acceptor.join(10_000);
      for (CliRun run : new CliRun[] {dlt645, modbus}) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.LINK_FAILED);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("emms: tcp:" + target + ": ");
        assertThat(run.err()).as("the link is named once").containsOnlyOnce("tcp:" + target);
      }
    }
  }

  @Test
  void refusedConnectIsALinkFailure() {
    assertOneLine(CliRun.of("read", "modbus", "--tcp", "127.0.0.1:1", "--unit", "1", "--profile", "sdm630"),
        ExitCode.LINK_FAILED, "emms: tcp:127.0.0.1:1: connection refused");
  }

  @Test
  void unitZeroIsRefusedBeforeAnythingIsSent() {
    assertOneLine(CliRun.of("read", "modbus", "--tcp", "127.0.0.1:1", "--unit", "0", "--profile", "sdm630"),
        ExitCode.BAD_INPUT, "emms: --unit must be 1..247, not 0");
  }

  @Test
  void badNumbersAreNamedByTheirOption() {
    assertOneLine(CliRun.of("read", "modbus", "--tcp", "127.0.0.1:1", "--unit", "1", "--function", "3", "--address", "-5", "--count", "1"),
        ExitCode.BAD_INPUT, "emms: --address must be 0..65535, not -5");
    assertOneLine(CliRun.of("read", "modbus", "--tcp", "127.0.0.1:1", "--unit", "1", "--function", "3", "--address", "70000", "--count", "1"),
        ExitCode.BAD_INPUT, "emms: --address must be 0..65535, not 70000");
    assertOneLine(CliRun.of("read", "dlt645", "--tcp", "127.0.0.1:1", "--address", "000102030425", "--di", "00010000", "--timeout", "-1"),
        ExitCode.BAD_INPUT, "emms: --timeout must be a positive number of milliseconds, not -1");
    assertOneLine(CliRun.of("read", "dlt645", "--tcp", "127.0.0.1:99999", "--address", "000102030425", "--di", "00010000"),
        ExitCode.BAD_INPUT, "emms: --tcp port must be 1..65535, not 99999");
    assertOneLine(CliRun.of("simulate", "modbus", "--tcp", "99999"),
        ExitCode.BAD_INPUT, "emms: --tcp port must be 0..65535, not 99999");
  }

  @Test
  void aBusyPortOrAForeignBindAddressIsOneLine() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertOneLine(CliRun.of("simulate", "dlt645", "--tcp", Integer.toString(busy.getLocalPort())),
          ExitCode.LINK_FAILED, "emms: cannot listen on tcp 127.0.0.1:" + busy.getLocalPort() + ": address already in use");
    }
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): no machine has that address.
    CliRun foreign = CliRun.of("simulate", "modbus", "--tcp", "0", "--bind", "192.0.2.1");
    assertThat(foreign.exitCode()).isEqualTo(ExitCode.LINK_FAILED);
    assertThat(foreign.err().lines()).hasSize(1).first().asString()
        .startsWith("emms: cannot listen on tcp 192.0.2.1:0: ");
  }

  @Test
  void aBinaryFileGivenAsCsvIsOneLine(@TempDir Path dir) throws IOException {
    Path binary = dir.resolve("readings.csv");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, (byte) 0xFF});
    CliRun run = CliRun.of("analyze", "anomalies", "--input", binary.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err().lines()).containsExactly("emms: cannot read " + binary
        + ": not a text file in UTF-8 (a binary file or another encoding; save it as CSV UTF-8)");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.of("read", "dlt645", "--tcp", "127.0.0.1:1", "--address", "000102030425", "--di", "00010000", "--verbose");
    assertThat(run.exitCode()).isEqualTo(ExitCode.LINK_FAILED);
    assertThat(run.err().lines().findFirst()).hasValue("emms: tcp:127.0.0.1:1: connection refused");
    assertThat(run.err()).contains("\tat ", "ConnectFailedException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/cli.md"})
  void theDocumentedTableListsEveryExitCode(String doc) throws Exception {
    List<Integer> documented = Files.readAllLines(Path.of("..").resolve(doc)).stream()
        .map(line -> line.matches("\\| \\d+ \\| .*") ? Integer.parseInt(line.split("\\|")[1].strip()) : null)
        .filter(Objects::nonNull)
        .toList();
    List<Integer> defined = new ArrayList<>();
    for (Field f : ExitCode.class.getFields()) {
      defined.add(f.getInt(null));
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(defined);
  }
}
