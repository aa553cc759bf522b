package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.mqtt.testing.MosquittoBroker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telemetry through Debian's mosquitto, restarted mid-stream: nothing lost, duplicates removed. */
class TelemetryOverMosquittoTest {

  @TempDir static Path dir;
  static MosquittoBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    assertThat(MosquittoBroker.available()).as("mosquitto is installed (.ci/run installs it)").isTrue();
    broker = MosquittoBroker.start(dir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void wrongPasswordIsRefused() {
    MqttConnection c = MqttConnection.create(
        MqttClientConfig.builder(broker.uri(), "intruder").credentials(broker.username(), "guess").build());
    try {
      assertThatThrownBy(() -> c.connect().join()).cause().isInstanceOf(MqttTransportException.class);
    } finally {
      c.close();
    }
  }

  @Test
  void brokerRestartedMidStreamLosesNoQos1ReadingAndDuplicatesAreRemoved() throws Exception {
    int total = 300;
    TopicScheme topics = TopicScheme.of("restart", "gw-r");
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Integer> sequence = java.util.Collections.synchronizedList(new ArrayList<>());
    Duration backOff = Duration.ofSeconds(1);
    // A persistent session (clean start off, expiry > 0) keeps the consumer's queue across its drop.
    MqttConnection consumerConnection = MqttConnection.create(broker.client("restart-consumer")
        .sessionExpiry(Duration.ofMinutes(5)).reconnectDelay(backOff, Duration.ofSeconds(2)).build());
    try (consumerConnection;
        TelemetryPublisher gateway = TelemetryPublisher.create(
            broker.client("restart-gateway").reconnectDelay(backOff, Duration.ofSeconds(2)).build(), topics)) {
      consumerConnection.connect().join();
      TelemetryConsumer consumer = new TelemetryConsumer(consumerConnection, TopicScheme.telemetryFilter("emms", "restart"),
          10_000, m -> {
            ids.add(m.messageId());
            sequence.add(m.readings().get(0).value().intValue());
          });
      consumer.start().join();
      gateway.start().join();

      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        acks.add(gateway.publish("modbus", List.of(Reading.valid("meter-" + (i % 5),
            Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), BigDecimal.valueOf(i), Instant.ofEpochSecond(i)))));
        if (i == total / 3) {
          broker.restart();
        }
        Thread.sleep(5);
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(60)).until(() -> ids.size() == total);
      assertThat(consumer.accepted()).isEqualTo(total);
      assertThat(sequence).doesNotHaveDuplicates().hasSize(total);
    }
  }
}
