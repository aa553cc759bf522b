package io.emms.transport.mqtt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttConnection} on Eclipse Paho mqttv5. Paho's own offline buffer and per-subscription listeners are not
 * used: the first is reported broken for v5 (paho.mqtt.java #1048), the second never sees shared-subscription
 * messages (#827, #965). Instead an outbox keeps every QoS 1/2 message until its acknowledgement and sends it
 * again after a reconnect, and one global callback routes messages by matching topic filters.
 */
final class PahoConnection implements MqttConnection {

  private static final Logger log = LoggerFactory.getLogger(PahoConnection.class);

  private final MqttClientConfig config;
  private final MqttAsyncClient client;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final List<MqttConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final Deque<Pending> outbox = new ArrayDeque<>();
  private final Set<Pending> inFlight = new LinkedHashSet<>();
  private boolean closed;

  public PahoConnection(MqttClientConfig config) {
    this.config = config;
    try {
      this.client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw failure("cannot create an MQTT client for " + config, e);
    }
    client.setCallback(new Callback());
  }

  @Override
  public MqttClientConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<Void> connect() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.connect(options(), null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          done.completeExceptionally(failure("cannot connect to " + config.serverUri(), cause));
        }
      });
    } catch (MqttException e) {
      done.completeExceptionally(failure("cannot connect to " + config.serverUri(), e));
    }
    return done;
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(config.cleanStart());
    if (!config.cleanStart()) {
      o.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
    }
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout((int) config.connectTimeout().toSeconds());
    o.setReceiveMaximum(config.receiveMaximum());
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(
        (int) config.reconnectMinDelay().toSeconds(), (int) config.reconnectMaxDelay().toSeconds());
    config.username().ifPresent(o::setUserName);
    config.password().ifPresent(o::setPassword);
    config.will().ifPresent(w -> {
      o.setWill(w.topic(), toPaho(w));
      o.setWillMessageProperties(properties(w));
    });
    return o;
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(MqttMessage message) {
    Pending pending = new Pending(message);
    if (message.qos() == 0) {
      send(pending);
      return pending.done;
    }
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new MqttTransportException(config.clientId() + " is closed"));
      }
      if (outbox.size() + inFlight.size() >= config.maxPending()) {
        return CompletableFuture.failedFuture(new MqttTransportException(
            "outbox full: " + config.maxPending() + " messages wait for their acknowledgement"));
      }
      outbox.addLast(pending);
    }
    pump();
    return pending.done;
  }

  /** Hands queued messages to Paho while it takes them; stops at the broker's receive maximum or when offline. */
  private void pump() {
    while (true) {
      Pending next;
      synchronized (this) {
        next = client.isConnected() && !closed ? outbox.pollFirst() : null;
        if (next == null) {
          return;
        }
        inFlight.add(next);
      }
      if (!send(next)) {
        return;
      }
    }
  }

  /** Sends one message; returns false when it went back to the outbox to wait for capacity or a reconnect. */
  private boolean send(Pending pending) {
    try {
      client.publish(pending.message.topic(), toPaho(pending.message), pending, pending);
      return true;
    } catch (MqttException e) {
      if (pending.message.qos() > 0 && isTransient(e)) {
        requeue(pending);
        return false;
      }
      synchronized (this) {
        inFlight.remove(pending);
      }
      pending.done.completeExceptionally(failure("publish to " + pending.message.topic() + " failed", e));
      return true;
    }
  }

  private synchronized void requeue(Pending pending) {
    if (inFlight.remove(pending)) {
      outbox.addFirst(pending);
    }
  }

  private static boolean isTransient(MqttException e) {
    int code = e.getReasonCode();
    return code == MqttClientException.REASON_CODE_MAX_INFLIGHT
        || code == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
        || code == MqttClientException.REASON_CODE_CONNECTION_LOST
        || code == MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
        || code == MqttClientException.REASON_CODE_NO_MESSAGE_IDS_AVAILABLE;
  }

  /** After a drop every unacknowledged message goes back to the front of the outbox, oldest first. */
  private synchronized void requeueInFlight() {
    List<Pending> unacked = new ArrayList<>(inFlight);
    inFlight.clear();
    for (int i = unacked.size() - 1; i >= 0; i--) {
      outbox.addFirst(unacked.get(i));
    }
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos, MqttMessageHandler handler) {
    Subscription subscription = new Subscription(filter, TopicFilter.parse(filter), qos, handler);
    subscriptions.put(filter, subscription);
    return brokerSubscribe(subscription);
  }

  private CompletableFuture<Void> brokerSubscribe(Subscription subscription) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.subscribe(new MqttSubscription[] {new MqttSubscription(subscription.filter, subscription.qos)}, null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                done.completeExceptionally(new MqttTransportException(
                    "broker refused the subscription to " + subscription.filter, codes[0], null));
              } else {
                done.complete(null);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              done.completeExceptionally(failure("cannot subscribe to " + subscription.filter, cause));
            }
          }, new MqttProperties());
    } catch (MqttException e) {
      done.completeExceptionally(failure("cannot subscribe to " + subscription.filter, e));
    }
    return done;
  }

  @Override
  public CompletableFuture<Void> unsubscribe(String filter) {
    subscriptions.remove(filter);
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.unsubscribe(filter, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          done.completeExceptionally(failure("cannot unsubscribe from " + filter, cause));
        }
      });
    } catch (MqttException e) {
      done.completeExceptionally(failure("cannot unsubscribe from " + filter, e));
    }
    return done;
  }

  @Override
  public void addConnectionListener(MqttConnectionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    List<Pending> abandoned;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      abandoned = new ArrayList<>(outbox);
      abandoned.addAll(inFlight);
      outbox.clear();
      inFlight.clear();
    }
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(config.connectTimeout().toMillis());
      }
    } catch (MqttException e) {
      log.debug("{}: clean disconnect failed, closing anyway", config.clientId(), e);
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("{}: close failed", config.clientId(), e);
    }
    MqttTransportException closedFirst = new MqttTransportException(config.clientId() + " closed before the broker acknowledged");
    abandoned.forEach(p -> p.done.completeExceptionally(closedFirst));
  }

  private static MqttTransportException failure(String what, Throwable cause) {
    int code = cause instanceof MqttException m ? m.getReasonCode() : -1;
    String reason = cause == null ? "" : ": " + cause.getMessage() + (code >= 0 ? " (reason code " + code + ")" : "");
    return new MqttTransportException(what + reason, code, cause);
  }

  static org.eclipse.paho.mqttv5.common.MqttMessage toPaho(MqttMessage m) {
    org.eclipse.paho.mqttv5.common.MqttMessage p = new org.eclipse.paho.mqttv5.common.MqttMessage(m.payload());
    p.setQos(m.qos());
    p.setRetained(m.retained());
    p.setProperties(properties(m));
    return p;
  }

  private static MqttProperties properties(MqttMessage m) {
    MqttProperties props = new MqttProperties();
    m.responseTopic().ifPresent(props::setResponseTopic);
    m.correlationData().ifPresent(props::setCorrelationData);
    m.expiry().ifPresent(e -> props.setMessageExpiryInterval(Math.max(1, (e.toMillis() + 999) / 1000)));
    if (!m.userProperties().isEmpty()) {
      List<UserProperty> user = new ArrayList<>(m.userProperties().size());
      m.userProperties().forEach((k, v) -> user.add(new UserProperty(k, v)));
      props.setUserProperties(user);
    }
    return props;
  }

  static MqttMessage fromPaho(String topic, org.eclipse.paho.mqttv5.common.MqttMessage p) {
    MqttProperties props = p.getProperties();
    MqttMessage.Builder b = MqttMessage.builder(topic, p.getPayload()).qos(p.getQos()).retained(p.isRetained());
    if (props != null) {
      b.responseTopic(props.getResponseTopic()).correlationData(props.getCorrelationData());
      Optional.ofNullable(props.getMessageExpiryInterval()).map(Duration::ofSeconds).ifPresent(b::expiry);
      List<UserProperty> user = props.getUserProperties();
      if (user != null && !user.isEmpty()) {
        Map<String, String> map = new LinkedHashMap<>();
        user.forEach(u -> map.put(u.getKey(), u.getValue()));
        b.userProperties(map);
      }
    }
    return b.build();
  }

  private void route(String topic, org.eclipse.paho.mqttv5.common.MqttMessage raw) {
    MqttMessage message = fromPaho(topic, raw);
    boolean matched = false;
    for (Subscription s : subscriptions.values()) {
      if (s.matcher.matches(topic)) {
        matched = true;
        try {
          s.handler.onMessage(message);
        } catch (RuntimeException e) {
          log.warn("{}: handler of {} failed on a message on {}", config.clientId(), s.filter, topic, e);
        }
      }
    }
    if (!matched) {
      log.debug("{}: no subscription matches {}", config.clientId(), topic);
    }
  }

  /** One message on its way; it is its own Paho context and completion listener. */
  private final class Pending implements MqttActionListener {
    final MqttMessage message;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Pending(MqttMessage message) {
      this.message = message;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      synchronized (PahoConnection.this) {
        inFlight.remove(this);
        outbox.remove(this);
      }
      done.complete(null);
      pump();
    }

    @Override
    public void onFailure(IMqttToken token, Throwable cause) {
      if (message.qos() > 0 && cause instanceof MqttException e && isTransient(e)) {
        requeue(this);
      } else {
        synchronized (PahoConnection.this) {
          inFlight.remove(this);
        }
        done.completeExceptionally(failure("publish to " + message.topic() + " failed", cause));
      }
      pump();
    }
  }

  private record Subscription(String filter, TopicFilter matcher, int qos, MqttMessageHandler handler) {}

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      log.info("{}: disconnected from {}: {}", config.clientId(), config.serverUri(), response);
      requeueInFlight();
      listeners.forEach(l -> l.onDisconnected(response.getException()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      log.warn("{}: MQTT error", config.clientId(), exception);
    }

    @Override
    public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
      route(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      log.info("{}: connected to {}{}", config.clientId(), serverUri, reconnect ? " again" : "");
      if (reconnect) {
        subscriptions.values().forEach(s -> brokerSubscribe(s).exceptionally(e -> {
          log.warn("{}: resubscribing to {} failed", config.clientId(), s.filter, e);
          return null;
        }));
      }
      listeners.forEach(l -> l.onConnected(reconnect));
      pump();
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
