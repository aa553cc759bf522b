package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.emms.transport.mqtt.testing.HiveMqBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection against HiveMQ CE embedded with an authenticator: sign-in, properties, shared subscriptions. */
class HiveMqConnectionTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

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
  void wrongPasswordIsRefusedWithItsReasonCode() {
    MqttConnection c = MqttConnection.create(
        MqttClientConfig.builder(broker.uri(), "intruder").credentials(broker.username(), "guess").build());
    try {
      assertThatThrownBy(() -> c.connect().join())
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(MqttTransportException.class)
          .satisfies(e -> assertThat(((MqttTransportException) e).reasonCode()).isEqualTo(0x86));
      assertThat(c.isConnected()).isFalse();
    } finally {
      c.close();
    }
  }

  @Test
  void anonymousClientIsRefused() {
    MqttConnection c = MqttConnection.create(MqttClientConfig.builder(broker.uri(), "anonymous").build());
    try {
      assertThatThrownBy(() -> c.connect().join()).cause().isInstanceOf(MqttTransportException.class);
      assertThat(c.isConnected()).isFalse();
    } finally {
      c.close();
    }
  }

  @Test
  void messagesCarryUserPropertiesCorrelationDataAndResponseTopic() {
    List<MqttMessage> got = new CopyOnWriteArrayList<>();
    try (MqttConnection sub = connect("props-sub"); MqttConnection pub = connect("props-pub")) {
      sub.subscribe("t/props/#", 1, got::add).join();
      pub.publish(MqttMessage.builder("t/props/a", "hello".getBytes(StandardCharsets.UTF_8))
          .responseTopic("t/reply").correlationData(new byte[] {1, 2, 3}).expiry(Duration.ofSeconds(30))
          .userProperties(Map.of("schema", "x/1")).build()).join();
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      MqttMessage m = got.get(0);
      assertThat(m.topic()).isEqualTo("t/props/a");
      assertThat(m.payloadText()).isEqualTo("hello");
      assertThat(m.qos()).isEqualTo(1);
      assertThat(m.responseTopic()).contains("t/reply");
      assertThat(m.correlationData()).hasValueSatisfying(c -> assertThat(c).containsExactly(1, 2, 3));
      assertThat(m.expiry()).hasValueSatisfying(e -> assertThat(e).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
      assertThat(m.userProperties()).containsEntry("schema", "x/1");
    }
  }

  /**
   * Paho hands shared-subscription messages only to its global callback (paho.mqtt.java #827): here they reach the
   * subscription's own handler, and the group together gets each message once. How HiveMQ spreads them over the
   * members is its policy (it may favour one); mosquitto's round robin split is checked in the examples' test.
   */
  @Test
  void sharedSubscriptionMessagesReachTheSubscriptionsHandlerOnceAcrossTheGroup() {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    try (MqttConnection a = connectBusy("share-a"); MqttConnection b = connectBusy("share-b");
        MqttConnection pub = connect("share-pub")) {
      a.subscribe("$share/readers/t/share/+", 1, m -> first.add(m.payloadText())).join();
      b.subscribe("$share/readers/t/share/+", 1, m -> second.add(m.payloadText())).join();
      int n = 200;
      for (int i = 0; i < n; i++) {
        pub.publish(MqttMessage.builder("t/share/" + (i % 7), Integer.toString(i).getBytes(StandardCharsets.UTF_8)).build());
      }
      await().atMost(WAIT).until(() -> first.size() + second.size() == n);
      assertThat(Stream.concat(first.stream(), second.stream()).distinct().count()).isEqualTo(n);
    }
  }

  /** A consumer that takes few messages at a time before it acknowledges them. */
  private static MqttConnection connectBusy(String clientId) {
    MqttConnection c = MqttConnection.create(broker.client(clientId).receiveMaximum(4).build());
    c.connect().join();
    return c;
  }

  private static MqttConnection connect(String clientId) {
    MqttConnection c = MqttConnection.create(broker.client(clientId).build());
    c.connect().join();
    return c;
  }
}
