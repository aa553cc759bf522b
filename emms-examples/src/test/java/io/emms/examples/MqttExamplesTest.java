package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import io.emms.transport.mqtt.MqttClientConfig;
import io.emms.transport.mqtt.TelemetryMessage;
import io.emms.transport.mqtt.TopicScheme;
import io.emms.transport.mqtt.testing.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two MQTT examples against mosquitto: a gateway publishes, a two-member shared subscription consumes. */
class MqttExamplesTest {

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
  void aSharedSubscriptionSplitsThePublishedReadingsRoundRobinWithoutLosingOrRepeatingAny() {
    MqttClientConfig consumers = broker.client("example-consumer").receiveMaximum(1).build();
    try (ConsumeTelemetryWithSharedSubscription.Members members =
        ConsumeTelemetryWithSharedSubscription.start(consumers, "example", "readers", 2)) {
      int rounds = 20;
      List<Reading> published = PublishMeterReadingsOverMqtt.run(
          broker.client("example-gateway").build(), TopicScheme.of("example", "gateway-1"), rounds);
      assertThat(published).hasSize(rounds * 3 * 3).allMatch(r -> r.quality() == Quality.VALID);

      int messages = rounds * PublishMeterReadingsOverMqtt.METERS.size();
      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> members.received(0).size() + members.received(1).size() == messages);
      List<Reading> consumed = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        members.received(i).stream().map(TelemetryMessage::readings).forEach(consumed::addAll);
      }
      assertThat(consumed).containsExactlyInAnyOrderElementsOf(published);
      assertThat(members.received(0)).isNotEmpty();
      assertThat(members.received(1)).isNotEmpty();
    }
  }
}
