package io.emms.transport.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One MQTT 5 application message, as published or as received. The byte arrays are not copied: do not change them
 * once a message is built.
 *
 * @param topic the topic name (never a filter)
 * @param payload the application bytes
 * @param qos 0, 1 or 2
 * @param retained whether the broker keeps it as the topic's last value
 * @param responseTopic where a request wants its response (MQTT 5 request/response)
 * @param correlationData what the response must carry back to match its request
 * @param expiry the Message Expiry Interval; on a received message, what was left of it when the broker sent it
 * @param userProperties MQTT 5 user properties, in order
 */
public record MqttMessage(
    String topic,
    byte[] payload,
    int qos,
    boolean retained,
    Optional<String> responseTopic,
    Optional<byte[]> correlationData,
    Optional<Duration> expiry,
    Map<String, String> userProperties) {

  public MqttMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(responseTopic, "responseTopic");
    Objects.requireNonNull(correlationData, "correlationData");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(userProperties, "userProperties");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
    }
    if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
      throw new IllegalArgumentException("not a topic name: '" + topic + "'");
    }
  }

  public static Builder builder(String topic, byte[] payload) {
    return new Builder(topic, payload);
  }

  /** The payload read as UTF-8. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Builds a {@link MqttMessage}: QoS 1, not retained, no MQTT 5 properties. */
  public static final class Builder {
    private final String topic;
    private final byte[] payload;
    private int qos = 1;
    private boolean retained;
    private String responseTopic;
    private byte[] correlationData;
    private Duration expiry;
    private Map<String, String> userProperties = Map.of();

    private Builder(String topic, byte[] payload) {
      this.topic = topic;
      this.payload = payload;
    }

    public Builder qos(int qos) {
      this.qos = qos;
      return this;
    }

    public Builder retained(boolean retained) {
      this.retained = retained;
      return this;
    }

    public Builder responseTopic(String responseTopic) {
      this.responseTopic = responseTopic;
      return this;
    }

    public Builder correlationData(byte[] correlationData) {
      this.correlationData = correlationData;
      return this;
    }

    /** The Message Expiry Interval; MQTT counts it in whole seconds, so it is rounded up. */
    public Builder expiry(Duration expiry) {
      this.expiry = expiry;
      return this;
    }

    public Builder userProperties(Map<String, String> userProperties) {
      this.userProperties = userProperties;
      return this;
    }

    public MqttMessage build() {
      return new MqttMessage(topic, payload, qos, retained, Optional.ofNullable(responseTopic),
          Optional.ofNullable(correlationData), Optional.ofNullable(expiry), userProperties);
    }
  }
}
