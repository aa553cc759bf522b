package io.emms.cli.nbiot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.EmmsCli;
import io.emms.cli.command.ExitCode;
import io.emms.cli.output.JsonOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code emms nbiot listen} on ephemeral UDP and CoAP ports, fed by {@code emms simulate nbiot} over loopback. */
class NbiotListenAndSimulateTest {

  private static final String METER = "864215040000033";
  private static final String ASLEEP = "864215040000099";
  private static final long PATIENCE_MS = 30_000;

  private final StringWriter listenOut = new StringWriter();
  private final StringWriter listenErr = new StringWriter();
  private Thread listener;

  @AfterEach
  void stopListener() throws InterruptedException {
    if (listener != null) {
      listener.interrupt();
      listener.join(10_000);
    }
  }

  /** Starts {@code emms nbiot listen ARGS} and returns its UDP and CoAP ports. */
  private int[] listen(String... args) throws Exception {
    CommandLine cli = EmmsCli.commandLine();
    cli.setOut(new PrintWriter(listenOut, true));
    cli.setErr(new PrintWriter(listenErr, true));
    List<String> all = new ArrayList<>(List.of("nbiot", "listen", "--udp", "0", "--coap", "127.0.0.1:0"));
    all.addAll(List.of(args));
    listener = new Thread(() -> cli.execute(all.toArray(String[]::new)));
    listener.start();
    String line = awaitLine(listenErr, l -> l.startsWith("listening on"));
    Matcher m = Pattern.compile("udp:127\\.0\\.0\\.1:(\\d+) coap:127\\.0\\.0\\.1:(\\d+)").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private static String awaitLine(StringWriter from, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MS;
    while (System.currentTimeMillis() < deadline) {
      for (String line : from.toString().split("\\R")) {
        if (wanted.test(line)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such line in: " + from);
  }

  private static JsonNode json(String line) throws Exception {
    return JsonOutput.mapper().readTree(line);
  }

  @Test
  void aUdpMeterIsReadAndItsQueuedTripAcknowledgedWhileAnotherCommandExpires() throws Exception {
    int[] ports = listen("--command", METER + ":TRIP", "--command", ASLEEP + ":CLOSE_DIRECT:200ms");

    CliRun meter = CliRun.of("simulate", "nbiot", "--server", "udp://127.0.0.1:" + ports[0], "--imei", METER,
        "--every", "300ms", "--count", "2");

    assertThat(meter.exitCode()).as(meter.err()).isZero();
    assertThat(meter.out()).contains("relay TRIP carried out");
    JsonNode acked = json(awaitLine(listenOut, l -> l.contains("\"outcome\"") && l.contains(METER)));
    assertThat(acked.get("outcome").asText()).isEqualTo("ACKNOWLEDGED");
    JsonNode expired = json(awaitLine(listenOut, l -> l.contains("\"outcome\"") && l.contains(ASLEEP)));
    assertThat(expired.get("outcome").asText()).isEqualTo("EXPIRED");
    assertThat(expired.get("attempts").asInt()).isZero();
    JsonNode energy = json(awaitLine(listenOut, l -> l.contains("ACTIVE_ENERGY_IMPORT")));
    assertThat(energy.get("meter").asText()).isEqualTo(METER);
    assertThat(energy.get("unit").asText()).isEqualTo("kWh");
    assertThat(energy.get("quality").asText()).isEqualTo("VALID");
    assertThat(energy.get("value").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1000.00"));
    assertThat(energy.get("time").asText()).endsWith("Z");
  }

  @Test
  void aCoapMeterIsReadToo() throws Exception {
    int[] ports = listen();

    CliRun meter = CliRun.of("simulate", "nbiot", "--server", "coap://127.0.0.1:" + ports[1], "--imei", METER,
        "--every", "100ms", "--count", "1");

    assertThat(meter.exitCode()).as(meter.err()).isZero();
    JsonNode voltage = json(awaitLine(listenOut, l -> l.contains("VOLTAGE.A")));
    assertThat(voltage.get("meter").asText()).isEqualTo(METER);
    assertThat(voltage.get("unit").asText()).isEqualTo("V");
  }

  @Test
  void aBadDatagramIsReportedOnStderrAndTheListenerGoesOn() throws Exception {
    int[] ports = listen();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), ports[0]));
    }
    assertThat(awaitLine(listenErr, l -> l.contains("bad payload"))).contains("truncated");

    CliRun meter = CliRun.of("simulate", "nbiot", "--server", "udp://127.0.0.1:" + ports[0], "--imei", METER,
        "--every", "100ms", "--count", "1");

    assertThat(meter.exitCode()).isZero();
    assertThat(awaitLine(listenOut, l -> l.contains(METER))).contains("\"quality\":\"VALID\"");
  }

  @Test
  void pollNamesNbiotMetersOnAnNbiotLine() throws Exception {
    CliRun poll = CliRun.of("poll", "--line", "nbiot://127.0.0.1?udp=0", "--meter", "nbiot:" + METER, "--once");

    assertThat(poll.exitCode()).as("nothing sent yet: every reading is missing").isEqualTo(1);
    assertThat(poll.outLines()).hasSize(4).allSatisfy(line -> {
      JsonNode reading = json(line);
      assertThat(reading.get("meter").asText()).isEqualTo("nbiot:" + METER);
      assertThat(reading.get("quality").asText()).isEqualTo("NO_DATA");
    });
  }

  @Test
  void badArgumentsAreBadInput() {
    assertThat(CliRun.of("simulate", "nbiot", "--server", "tcp://127.0.0.1:1", "--imei", METER).exitCode())
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(CliRun.of("simulate", "nbiot", "--server", "udp://127.0.0.1:1", "--imei", "12345").err())
        .contains("15 decimal digits");
    assertThat(CliRun.of("nbiot", "listen").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(CliRun.of("nbiot", "listen", "--udp", "127.0.0.1:x").err()).contains("[HOST:]PORT");
    CliRun badCommand = CliRun.of("nbiot", "listen", "--udp", "127.0.0.1:0", "--command", METER + ":EXPLODE");
    assertThat(badCommand.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(badCommand.err()).contains("EXPLODE");
    assertThat(CliRun.of("simulate", "nbiot", "--server", "udp://127.0.0.1:1", "--imei", METER, "--every", "soon")
        .exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }
}
