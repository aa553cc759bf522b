package io.emms.transport.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * A small MQTT 5 client interface, so that EMMS code never touches the client library (Eclipse Paho mqttv5).
 *
 * <ul>
 *   <li>Publishing at QoS 1 or 2 is <em>at least once across reconnects</em>: a message stays in the connection's
 *       outbox until the broker acknowledges it and is sent again after a reconnect, so receivers de-duplicate.
 *   <li>Messages are routed to subscriptions by matching their topic against each filter here, also for shared
 *       subscriptions ({@code $share/group/filter}): Paho delivers shared-subscription messages only to its global
 *       callback, never to per-subscription listeners (paho.mqtt.java #827, #965).
 *   <li>After an automatic reconnect (with back-off) every subscription is made again, since a broker that lost
 *       the session (restart, expiry) has forgotten them.
 * </ul>
 */
public interface MqttConnection extends AutoCloseable {

  /** A connection for the given configuration, not yet connected. */
  static MqttConnection create(MqttClientConfig config) {
    return new PahoConnection(config);
  }

  /** The configuration this connection was made with. */
  MqttClientConfig config();

  /**
   * Connects. Fails with {@link MqttTransportException} when the broker cannot be reached or refuses the client
   * (its reason code tells why, e.g. {@code 0x86} bad user name or password); later drops reconnect on their own.
   */
  CompletableFuture<Void> connect();

  /** Whether the connection is up now. */
  boolean isConnected();

  /**
   * Publishes a message. QoS 0 completes when handed to the network. QoS 1 and 2 complete when the broker
   * acknowledged; while the connection is down they wait in the outbox and go out after the reconnect.
   *
   * @return fails with {@link MqttTransportException} when the outbox is full, the broker refused the message or
   *     the connection was closed first
   */
  CompletableFuture<Void> publish(MqttMessage message);

  /**
   * Subscribes and routes matching messages to the handler. A filter may be a shared subscription
   * ({@code $share/group/filter}); subscribing to a filter again replaces its handler.
   *
   * @return completes when the broker granted the subscription; fails when it refused it
   */
  CompletableFuture<Void> subscribe(String filter, int qos, MqttMessageHandler handler);

  /** Removes a subscription. */
  CompletableFuture<Void> unsubscribe(String filter);

  /** Adds a listener for connects and drops. */
  void addConnectionListener(MqttConnectionListener listener);

  /**
   * Disconnects cleanly (so the broker does not publish the Last-Will) and releases the client. Messages still in
   * the outbox fail.
   */
  @Override
  void close();
}
