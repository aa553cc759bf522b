package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.mqtt.testing.HiveMqBroker;
import io.emms.transport.mqtt.testing.TcpProxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateway telemetry through HiveMQ CE embedded: payload, user properties, status and Will, de-duplication. */
class TelemetryOverHiveMqTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant T = Instant.parse("2026-12-03T15:00:00Z");

  @TempDir static Path dir;
  static HiveMqBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = HiveMqBroker.start(dir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void readingsArriveAsOneMessagePerMeterWithSchemaAndProtocolProperties() {
    TopicScheme topics = TopicScheme.of("t1", "gw-1");
    List<TelemetryMessage> got = new CopyOnWriteArrayList<>();
    List<MqttMessage> raw = new CopyOnWriteArrayList<>();
    try (MqttConnection c = connect("t1-consumer");
        TelemetryPublisher gateway = TelemetryPublisher.create(broker.client("t1-gateway").build(), topics)) {
      new TelemetryConsumer(c, TopicScheme.telemetryFilter("emms", "t1"), 1000, got::add).start().join();
      c.subscribe("emms/t1/gw-1/meters/000000000001/telemetry", 1, raw::add).join();
      gateway.start().join();
      List<Reading> readings = List.of(
          Reading.valid("000000000001", Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), T),
          Reading.valid("000000000001", Quantity.of(Measurand.VOLTAGE, Phase.A), new BigDecimal("230.1"), T),
          Reading.valid("000000000002", Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("77.00"), T));
      gateway.publish("dlt645-2007", readings).join();

      await().atMost(WAIT).until(() -> got.size() == 2 && raw.size() == 1);
      assertThat(got).flatExtracting(TelemetryMessage::readings).containsExactlyInAnyOrderElementsOf(readings);
      assertThat(got).allSatisfy(m -> assertThat(m.gateway()).isEqualTo("gw-1"));
      assertThat(raw.get(0).qos()).isEqualTo(1);
      assertThat(raw.get(0).userProperties())
          .containsEntry("schema", TelemetryCodec.SCHEMA).containsEntry("protocol", "dlt645-2007");
    }
  }

  @Test
  void statusIsRetainedOnlineAndTheLastWillTurnsItOfflineWhenTheGatewayVanishes() throws Exception {
    TopicScheme topics = TopicScheme.of("t2", "gw-2");
    List<String> status = new CopyOnWriteArrayList<>();
    try (TcpProxy link = TcpProxy.to(broker.uri());
        TelemetryPublisher gateway = TelemetryPublisher.create(
            MqttClientConfig.builder(link.uri(), "t2-gateway").credentials(broker.username(), broker.password()).build(), topics);
        MqttConnection watcher = connect("t2-watcher")) {
      gateway.start().join();
      await().atMost(WAIT).until(() -> retained(topics.status()).contains("\"online\":true"));

      watcher.subscribe(topics.status(), 1, m -> status.add(m.payloadText())).join();
      link.cut();
      await().atMost(WAIT).until(() -> status.stream().anyMatch(s -> s.contains("\"online\":false")));
      assertThat(retained(topics.status())).contains("\"online\":false");

      await().atMost(WAIT).until(() -> status.get(status.size() - 1).contains("\"online\":true"));
    }
  }

  @Test
  void aRedeliveredMessageIsDroppedByItsMessageId() {
    TopicScheme topics = TopicScheme.of("t3", "gw-3");
    List<TelemetryMessage> got = new CopyOnWriteArrayList<>();
    try (MqttConnection c = connect("t3-consumer");
        TelemetryPublisher gateway = TelemetryPublisher.create(broker.client("t3-gateway").build(), topics)) {
      TelemetryConsumer consumer = new TelemetryConsumer(c, TopicScheme.telemetryFilter("emms", "t3"), 1000, got::add);
      consumer.start().join();
      gateway.start().join();
      TelemetryMessage once = TelemetryCodecTest.goldenMessage();
      gateway.publish(once).join();
      gateway.publish(once).join();
      gateway.publish(new TelemetryMessage("another", once.gateway(), once.meterId(), once.protocol(), once.sentAt(), once.readings())).join();

      await().atMost(WAIT).until(() -> consumer.accepted() + consumer.duplicates() == 3);
      assertThat(got).extracting(TelemetryMessage::messageId).containsExactly(once.messageId(), "another");
      assertThat(consumer.duplicates()).isEqualTo(1);
    }
  }

  @Test
  void aPayloadThatBreaksTheSchemaIsReportedAndCountedAndTheNextOneStillArrives() {
    List<String> rejected = new CopyOnWriteArrayList<>();
    List<TelemetryMessage> got = new CopyOnWriteArrayList<>();
    try (MqttConnection c = connect("t4-consumer"); MqttConnection rogue = connect("t4-rogue")) {
      TelemetryConsumer consumer = new TelemetryConsumer(c, TopicScheme.telemetryFilter("emms", "t4"), 1000,
          new TelemetryConsumer.Listener() {
            @Override
            public void onTelemetry(TelemetryMessage message) {
              got.add(message);
            }

            @Override
            public void onRejected(String topic, TelemetryFormatException error) {
              rejected.add(topic + ": " + error.getMessage());
            }
          });
      consumer.start().join();
      String topic = TopicScheme.of("t4", "gw-4").telemetry("000102030425");
      rogue.publish(MqttMessage.builder(topic, "{\"readings\":".getBytes(StandardCharsets.UTF_8)).build()).join();
      rogue.publish(MqttMessage.builder(topic, TelemetryCodec.encode(TelemetryCodecTest.goldenMessage())).build()).join();

      await().atMost(WAIT).until(() -> got.size() == 1);
      assertThat(consumer.rejected()).isEqualTo(1);
      assertThat(rejected).singleElement().asString().startsWith(topic).contains("not JSON");
    }
  }

  @Test
  void afterABrokerRestartClientsReconnectResubscribeAndDeliverAgain() throws Exception {
    TopicScheme topics = TopicScheme.of("t5", "gw-5");
    List<TelemetryMessage> got = new CopyOnWriteArrayList<>();
    try (MqttConnection c = MqttConnection.create(broker.client("t5-consumer").reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(2)).build());
        TelemetryPublisher gateway = TelemetryPublisher.create(
            broker.client("t5-gateway").reconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(2)).build(), topics)) {
      c.connect().join();
      new TelemetryConsumer(c, TopicScheme.telemetryFilter("emms", "t5"), 1000, got::add).start().join();
      gateway.start().join();
      gateway.publish(TelemetryCodecTest.goldenMessage()).join();
      await().atMost(WAIT).until(() -> got.size() == 1);

      broker.restart();
      await().atMost(WAIT).until(c::isConnected);
      TelemetryMessage after = new TelemetryMessage("after-restart", "gw-5", "000102030425", "modbus", T,
          TelemetryCodecTest.goldenMessage().readings());
      // The in-memory broker forgot the subscription: only a resubscription brings this message.
      gateway.publish(after).get(30, java.util.concurrent.TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> got.size() == 2);
      assertThat(got.get(1).messageId()).isEqualTo("after-restart");
    }
  }

  private static String retained(String topic) {
    List<String> got = new CopyOnWriteArrayList<>();
    try (MqttConnection c = connect("retained-reader-" + System.nanoTime())) {
      c.subscribe(topic, 1, m -> got.add(m.payloadText())).join();
      await().atMost(WAIT).until(() -> !got.isEmpty());
      return got.get(got.size() - 1);
    }
  }

  private static MqttConnection connect(String clientId) {
    MqttConnection c = MqttConnection.create(broker.client(clientId).build());
    c.connect().join();
    return c;
  }
}
