package io.emms.transport.mqtt.testing;

import io.emms.transport.mqtt.MqttClientConfig;

/** A real MQTT 5 broker on 127.0.0.1 for tests, with one user whose password is made up per run. */
public interface TestBroker extends AutoCloseable {

  /** {@code tcp://127.0.0.1:PORT}. */
  String uri();

  String username();

  String password();

  /** A client configuration signed in as the broker's user, reconnecting after 1 s. */
  default MqttClientConfig.Builder client(String clientId) {
    return MqttClientConfig.builder(uri(), clientId).credentials(username(), password());
  }

  /** Stops the broker and starts it again on the same port, keeping what it persisted. */
  void restart() throws Exception;

  @Override
  void close();
}
