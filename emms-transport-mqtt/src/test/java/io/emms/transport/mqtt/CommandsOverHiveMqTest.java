package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.mqtt.CommandOutcome.Status;
import io.emms.transport.mqtt.testing.HiveMqBroker;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 request/response commands through HiveMQ CE embedded, executed by a gateway whose meter is a simulated
 * DL/T 645-2007 meter read through the DL/T 645 client.
 */
class CommandsOverHiveMqTest {

  private static final Dlt645Address ADDRESS = Dlt645Address.of("000102030425");
  private static final Duration TTL = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static HiveMqBroker broker;
  static PipeLink[] bus;
  static SimulatedMeter meter;
  static Dlt645Simulator simulator;
  static Dlt645Client client;
  static MqttConnection gatewayConnection;
  static MqttConnection headEnd;
  static CommandRequester requester;
  static final TopicScheme GATEWAY = TopicScheme.of("cmd", "gw-c");

  @BeforeAll
  static void start() throws Exception {
    broker = HiveMqBroker.start(dir);
    bus = PipeLink.pair("rs485");
    meter = new SimulatedMeter(SimulatedMeterConfig.builder(ADDRESS).initialEnergyKwh(1206.42).build());
    simulator = Dlt645Simulator.attach(bus[1], meter);
    simulator.start().join();
    client = Dlt645Client.create(bus[0], Dlt645ClientConfig.builder().build());
    client.connect().join();
    gatewayConnection = MqttConnection.create(broker.client("gw-c").build());
    gatewayConnection.connect().join();
    new CommandResponder(gatewayConnection, GATEWAY, CommandHandler.forMeters(client, client)).start().join();
    headEnd = MqttConnection.create(broker.client("head-end").build());
    headEnd.connect().join();
    requester = new CommandRequester(headEnd, GATEWAY, Duration.ofSeconds(2));
    requester.start().join();
  }

  @AfterAll
  static void stop() {
    requester.close();
    headEnd.close();
    gatewayConnection.close();
    client.close();
    simulator.close();
    bus[0].close();
    bus[1].close();
    broker.close();
  }

  @Test
  void anOnDemandReadReturnsTheMetersReadings() throws Exception {
    CommandOutcome outcome = requester.send(GATEWAY, new MeterCommand.Read(ADDRESS.toString(), List.of(
        Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A))), TTL).get(20, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(Status.EXECUTED);
    assertThat(outcome.readings()).hasSize(2).allMatch(r -> r.quality() == Quality.VALID && r.meterId().equals(ADDRESS.toString()));
    assertThat(outcome.readings().get(0).value()).isBetween(new BigDecimal("1206.42"), new BigDecimal("1206.52"));
  }

  @Test
  void aRelayCommandTripsTheMetersRelay() throws Exception {
    CommandOutcome outcome = requester.send(GATEWAY, new MeterCommand.Relay(ADDRESS.toString(), RelayCommand.TRIP), TTL)
        .get(20, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(Status.EXECUTED);
    assertThat(meter.relayOpen()).isTrue();
    assertThat(requester.send(GATEWAY, new MeterCommand.Relay(ADDRESS.toString(), RelayCommand.CLOSE_DIRECT), TTL)
        .get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.EXECUTED);
    assertThat(meter.relayOpen()).isFalse();
  }

  @Test
  void aCommandToAMeterThatIsNotThereFailsWithAReason() throws Exception {
    CommandOutcome outcome = requester.send(GATEWAY,
        new MeterCommand.Relay("000000000777", RelayCommand.TRIP), TTL).get(30, TimeUnit.SECONDS);

    assertThat(outcome.status()).isIn(Status.FAILED, Status.REFUSED);
    assertThat(outcome.detail()).isNotEmpty();
  }

  @Test
  void aCommandThatArrivesAfterItsDeadlineIsReportedExpiredAndNeverExecuted() throws Exception {
    // A gateway whose clock is an hour ahead receives every command after its deadline, as a late delivery would.
    TopicScheme late = TopicScheme.of("cmd", "gw-late");
    AtomicInteger executed = new AtomicInteger();
    try (MqttConnection lateGateway = MqttConnection.create(broker.client("gw-late").build())) {
      lateGateway.connect().join();
      Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
      new CommandResponder(lateGateway, late, (command, deadline) -> {
        executed.incrementAndGet();
        return CompletableFuture.completedFuture(CommandOutcome.executed(List.of()));
      }, ahead).start().join();

      CommandOutcome outcome = requester.send(late, new MeterCommand.Relay(ADDRESS.toString(), RelayCommand.TRIP), TTL)
          .get(20, TimeUnit.SECONDS);

      assertThat(outcome.status()).isEqualTo(Status.EXPIRED);
      assertThat(outcome.detail()).contains("not executed");
      assertThat(executed).hasValue(0);
    }
  }

  @Test
  void aCommandNobodyAnswersIsReportedUnansweredAfterItsDeadlineAndGrace() throws Exception {
    TopicScheme offline = TopicScheme.of("cmd", "gw-offline");
    CommandOutcome outcome = requester.send(offline, new MeterCommand.Relay(ADDRESS.toString(), RelayCommand.TRIP),
        Duration.ofSeconds(1)).get(20, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(Status.UNANSWERED);
  }

  @Test
  void aMalformedRequestIsRefusedAndTheGatewayKeepsServing() throws Exception {
    java.util.concurrent.CopyOnWriteArrayList<String> responses = new java.util.concurrent.CopyOnWriteArrayList<>();
    headEnd.subscribe("emms/cmd/replies/probe", 1, m -> responses.add(m.payloadText())).join();
    headEnd.publish(MqttMessage.builder(GATEWAY.command(ADDRESS.toString(), "relay"), "{\"command\":".getBytes(StandardCharsets.UTF_8))
        .responseTopic("emms/cmd/replies/probe").correlationData(new byte[] {9}).build()).join();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !responses.isEmpty());
    assertThat(responses.get(0)).contains("\"status\":\"REFUSED\"");

    assertThat(requester.send(GATEWAY, new MeterCommand.Read(ADDRESS.toString(),
        List.of(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT))), TTL).get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.EXECUTED);
  }

}
