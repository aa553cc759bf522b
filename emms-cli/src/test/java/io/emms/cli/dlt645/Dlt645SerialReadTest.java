package io.emms.cli.dlt645;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import io.emms.core.testing.SocatPtyPair;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emms read dlt645 --serial}: the CLI opens one end of a socat pty pair by path with jSerialComm, a
 * simulated meter answers on the other. Parity is none because the Linux pty driver ignores (and sometimes refuses)
 * parity settings; the 8E1 default is exercised by real RS-485 adapters, not by ptys.
 */
class Dlt645SerialReadTest {

  @Test
  void readsMeterOverSerialPort(@TempDir Path dir) throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    try (SocatPtyPair ptys = SocatPtyPair.start(dir)) {
      SerialLink meterSide = new SerialLink(SerialConfig.builder(ptys.b()).baudRate(2400).parity(Parity.NONE).build());
      SimulatedMeter meter = new SimulatedMeter(
          SimulatedMeterConfig.builder(Dlt645Address.of("000000000003")).initialEnergyKwh(42.5).build());
      try (Dlt645Simulator simulator = Dlt645Simulator.attach(meterSide, meter)) {
        simulator.start().join();
        CliRun run = CliRun.of("read", "dlt645", "--serial", ptys.a(), "--baud", "2400", "--parity", "none",
            "--address", "AAAAAAAAAAAA", "--di", "00010000", "--di", "04000401");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode readings = JsonOutput.mapper().readTree(run.outLines()[0]).get("readings");
        assertThat(readings.get(0).get("values").get(0).get("value").decimalValue())
            .isBetween(new BigDecimal("42.50"), new BigDecimal("42.60"));
        assertThat(readings.get(1).get("values").get(0).get("value").asText()).isEqualTo("000000000003");
      } finally {
        meterSide.close();
      }
    }
  }
}
