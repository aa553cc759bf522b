package io.emms.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.mqtt.MqttLink;
import io.emms.transport.mqtt.testing.MosquittoBroker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emms poll --line mqtt://…} reads a DL/T 645 meter behind an MQTT DTU through mosquitto, unchanged. */
class PollOverMqttLinkTest {

  @Test
  void pollReadsAMeterBehindAnMqttDtu(@TempDir Path dir) throws Exception {
    assertThat(MosquittoBroker.available()).as("mosquitto is installed (.ci/run installs it)").isTrue();
    try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
      Path password = Files.writeString(dir.resolve("password"), broker.password() + "\n");
      SimulatedMeter meter = new SimulatedMeter(
          SimulatedMeterConfig.builder(Dlt645Address.of("000102030425")).initialEnergyKwh(1206.42).build());
      MqttLink dtu = MqttLink.device(broker.client("dtu-7").build(), "site/dtu-7/down", "site/dtu-7/up");
      try (dtu; Dlt645Simulator simulator = Dlt645Simulator.attach(dtu, meter)) {
        simulator.start().join();
        String line = broker.uri().replace("tcp://", "mqtt://") + "/site/dtu-7?username=" + broker.username()
            + "&password-file=" + password;

        CliRun run = CliRun.of("poll", "--line", line, "--meter", "dlt645-2007:000102030425",
            "--quantity", "ACTIVE_ENERGY_IMPORT", "--timeout", "5s", "--once");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode reading = JsonOutput.mapper().readTree(run.outLines()[0]);
        assertThat(reading.get("quality").asText()).isEqualTo("VALID");
        assertThat(reading.get("value").decimalValue()).isBetween(new BigDecimal("1206.42"), new BigDecimal("1206.52"));
      }
    }
  }
}
