package io.emms.transport.mqtt;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} that tunnels raw protocol frames through a broker: one topic carries bytes down to a meter behind
 * an MQTT DTU, another carries its replies up. Each MQTT message is one piece of the byte stream, so a DL/T 645
 * or Modbus client reads through a broker unchanged.
 *
 * <p>The master end (the head-end's client) publishes on the down topic and reads the up topic; the device end
 * (a DTU, or a simulator standing in for one) the other way round. Frames travel at QoS 0 by default, like bytes
 * on a wire: a lost frame is the protocol's retry to repeat, and no stale request is replayed after a reconnect.
 */
public final class MqttLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

  private final MqttClientConfig config;
  private final String publishTopic;
  private final String subscribeTopic;
  private final int qos;
  private volatile LinkListener listener = data -> {};
  private MqttConnection connection;

  private MqttLink(MqttClientConfig config, String publishTopic, String subscribeTopic, int qos) {
    this.config = Objects.requireNonNull(config, "config");
    this.publishTopic = Objects.requireNonNull(publishTopic, "publishTopic");
    this.subscribeTopic = Objects.requireNonNull(subscribeTopic, "subscribeTopic");
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("frame QoS must be 0 or 1: " + qos);
    }
    this.qos = qos;
  }

  /** The head-end end: writes to {@code downTopic}, reads {@code upTopic}; QoS 0. */
  public static MqttLink master(MqttClientConfig config, String downTopic, String upTopic) {
    return new MqttLink(config, downTopic, upTopic, 0);
  }

  /** The DTU end: reads {@code downTopic}, writes to {@code upTopic}; QoS 0. */
  public static MqttLink device(MqttClientConfig config, String downTopic, String upTopic) {
    return new MqttLink(config, upTopic, downTopic, 0);
  }

  /** This link with frames sent at QoS 1 (at least once; duplicates possible after a reconnect). */
  public MqttLink withQos1() {
    return new MqttLink(config, publishTopic, subscribeTopic, 1);
  }

  /** The master end an {@code mqtt://} URI describes (see {@link MqttLinkUri}). */
  public static MqttLink fromUri(MqttLinkUri uri) {
    return master(uri.clientConfig(), uri.downTopic(), uri.upTopic());
  }

  @Override
  public String name() {
    return "mqtt:" + config.serverUri() + " >" + publishTopic + " <" + subscribeTopic;
  }

  @Override
  public synchronized CompletableFuture<Void> open() {
    if (connection != null) {
      return CompletableFuture.completedFuture(null);
    }
    MqttConnection c = MqttConnection.create(config);
    connection = c;
    c.addConnectionListener(new MqttConnectionListener() {
      @Override
      public void onConnected(boolean reconnect) {
        if (reconnect) {
          listener.onOpen();
        }
      }

      @Override
      public void onDisconnected(Throwable cause) {
        listener.onClosed(cause == null ? new LinkException(name() + " lost its broker") : cause);
      }
    });
    return c.connect()
        .thenCompose(v -> c.subscribe(subscribeTopic, qos, this::deliver))
        .whenComplete((v, e) -> {
          if (e == null) {
            listener.onOpen();
          } else {
            dropConnection(c);
          }
        })
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(new LinkException("cannot open " + name(), e)));
  }

  private synchronized void dropConnection(MqttConnection c) {
    if (connection == c) {
      connection = null;
    }
    c.close();
  }

  private void deliver(MqttMessage message) {
    ByteBuf data = Unpooled.wrappedBuffer(message.payload());
    try {
      listener.onData(data);
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on {} bytes", name(), message.payload().length, e);
    } finally {
      data.release();
    }
  }

  @Override
  public boolean isOpen() {
    MqttConnection c = connection;
    return c != null && c.isConnected();
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    byte[] bytes;
    try {
      bytes = ByteBufUtil.getBytes(data);
    } finally {
      data.release();
    }
    MqttConnection c = connection;
    if (c == null || !c.isConnected()) {
      return CompletableFuture.failedFuture(new LinkException(name() + " is not connected"));
    }
    return c.publish(MqttMessage.builder(publishTopic, bytes).qos(qos).build())
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(new LinkException(name() + ": write failed", e)));
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    MqttConnection c;
    synchronized (this) {
      c = connection;
      connection = null;
    }
    if (c != null) {
      c.close();
      listener.onClosed(null);
    }
    return CompletableFuture.completedFuture(null);
  }
}
