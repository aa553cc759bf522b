package io.emms.transport.mqtt;

/**
 * Receives the messages of one subscription. Called on the connection's callback thread, one message at a time;
 * a QoS 1 message is acknowledged to the broker only after this returns, so a handler that returns has taken
 * the message over. A handler that throws loses nothing else: the error is logged and the connection stays up.
 */
@FunctionalInterface
public interface MqttMessageHandler {

  void onMessage(MqttMessage message);
}
