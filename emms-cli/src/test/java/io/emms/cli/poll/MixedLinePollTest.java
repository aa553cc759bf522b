package io.emms.cli.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import io.emms.core.testing.SocatPtyPair;
import io.emms.simulator.SimulatedMeters;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emms poll} on one mixed line: DL/T 645 (both editions) and Modbus RTU meters answering on one link. */
class MixedLinePollTest {

  private static final List<String> SPECS = List.of("dlt645-2007:000000000011", "dlt645-1997:000000000013",
      "modbus:1:sdm630", "modbus:2:ddsu666");

  private static String[] pollArgs(String uri) {
    List<String> args = new ArrayList<>(List.of("poll", "--line", uri, "--once", "--timeout", "2s"));
    SPECS.forEach(spec -> args.addAll(List.of("--meter", spec)));
    return args.toArray(String[]::new);
  }

  private static void assertEveryMeterRead(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> meters = new ArrayList<>();
    for (String line : run.outLines()) {
      JsonNode reading = JsonOutput.mapper().readTree(line);
      assertThat(reading.get("quality").asText()).as(line).isEqualTo("VALID");
      meters.add(reading.get("meter").asText());
    }
    assertThat(meters).containsAll(SPECS);
    assertThat(run.err()).contains("meter modbus:2:ddsu666 (line line): polls 1, ").doesNotContain("failed polls 1");
  }

  @Test
  void overASerialPtyPair(@TempDir Path dir) throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is installed by .ci/run");
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        SerialLink far = new SerialLink(SerialConfig.builder(pty.b()).baudRate(9600).parity(Parity.NONE).build());
        SimulatedMeters meters = SimulatedMeters.of(SPECS, 645)) {
      meters.responder().attach(far).join();
      far.open().join();

      assertEveryMeterRead(CliRun.of(pollArgs("serial:" + pty.a() + "?baud=9600&parity=none")));
    }
  }

  @Test
  void behindATransparentGatewayFromEmmsSimulateLine() throws Exception {
    try (Simulators simulators = new Simulators()) {
      List<String> args = new ArrayList<>(List.of("simulate", "line", "--tcp", "0"));
      SPECS.forEach(spec -> args.addAll(List.of("--meter", spec)));
      int port = simulators.start(args.toArray(String[]::new));

      assertEveryMeterRead(CliRun.of(pollArgs("rtu-over-tcp://127.0.0.1:" + port + "?reconnect=false")));
    }
  }
}
