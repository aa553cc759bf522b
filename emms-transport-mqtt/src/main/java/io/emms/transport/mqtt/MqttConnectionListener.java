package io.emms.transport.mqtt;

/** Hears when an {@link MqttConnection} connects and drops. Called on the connection's callback thread. */
public interface MqttConnectionListener {

  /**
   * The broker accepted the connection (CONNACK).
   *
   * @param reconnect false for the first connection, true after an automatic reconnect
   */
  default void onConnected(boolean reconnect) {}

  /**
   * The connection dropped; it reconnects on its own with back-off.
   *
   * @param cause why, when known
   */
  default void onDisconnected(Throwable cause) {}
}
