package io.emms.cli.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.EmmsCli;
import io.emms.cli.output.JsonOutput;
import io.emms.transport.mqtt.MqttConnection;
import io.emms.transport.mqtt.MqttMessage;
import io.emms.transport.mqtt.TopicScheme;
import io.emms.transport.mqtt.testing.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code emms simulate mqtt} publishing a DL/T 645 and a Modbus meter to mosquitto, read by {@code emms mqtt listen}. */
class MqttSimulateAndListenTest {

  @TempDir static Path dir;
  static MosquittoBroker broker;
  static Path passwordFile;

  @BeforeAll
  static void startBroker() throws Exception {
    assertThat(MosquittoBroker.available()).as("mosquitto is installed (.ci/run installs it)").isTrue();
    broker = MosquittoBroker.start(dir);
    passwordFile = Files.writeString(dir.resolve("password"), broker.password() + "\n");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void listenerPrintsTheSimulatedMetersReadingsAndCountsABrokenPayload() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine listen = EmmsCli.commandLine();
    listen.setOut(new PrintWriter(out, true));
    listen.setErr(new PrintWriter(err, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread listener = new Thread(() -> exit.set(listen.execute("mqtt", "listen", "--broker", broker.uri(),
        "--username", broker.username(), "--password-file", passwordFile.toString(), "--tenant", "cli")));
    listener.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> err.toString().contains("listening on emms/cli/+/meters/+/telemetry"));

    try (MqttConnection rogue = MqttConnection.create(broker.client("rogue").build())) {
      rogue.connect().join();
      rogue.publish(MqttMessage.builder(TopicScheme.of("cli", "rogue").telemetry("m1"),
          "{\"schema\":\"emms-telemetry/1\"}".getBytes(StandardCharsets.UTF_8)).build()).join();
    }
    CliRun simulate = CliRun.of("simulate", "mqtt", "--broker", broker.uri(), "--username", broker.username(),
        "--password-file", passwordFile.toString(), "--tenant", "cli", "--every", "100ms", "--rounds", "2",
        "--meter", "dlt645-2007:000102030425", "--meter", "modbus:17:sdm630");
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    assertThat(simulate.out()).contains("publishing 2 meter(s)");

    await().atMost(Duration.ofSeconds(30)).until(() -> meters(out).size() == 2);
    listener.interrupt();
    listener.join(30_000);

    assertThat(exit).hasValue(0);
    assertThat(meters(out)).containsExactlyInAnyOrder("dlt645-2007:000102030425", "modbus:17:sdm630");
    for (String line : out.toString().strip().split("\\R")) {
      JsonNode reading = JsonOutput.mapper().readTree(line);
      assertThat(reading.fieldNames()).toIterable().containsExactly("meter", "quantity", "value", "unit", "quality", "time");
    }
    assertThat(err.toString()).contains("rejected a message on emms/cli/rogue/meters/m1/telemetry")
        .containsPattern("4 message\\(s\\) accepted, 0 duplicate\\(s\\) dropped, 1 rejected");
  }

  @Test
  void aWrongBrokerAddressIsABadInput() {
    CliRun run = CliRun.of("mqtt", "listen", "--broker", "http://127.0.0.1:1");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--broker");
  }

  private static List<String> meters(StringWriter out) throws Exception {
    List<String> meters = new ArrayList<>();
    String text = out.toString().strip();
    if (text.isEmpty()) {
      return meters;
    }
    for (String line : text.split("\\R")) {
      String meter = JsonOutput.mapper().readTree(line).get("meter").asText();
      if (!meters.contains(meter)) {
        meters.add(meter);
      }
    }
    return meters;
  }
}
