package io.emms.transport.mqtt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link MqttConnection} reaches its broker (MQTT 5 only).
 *
 * <p>A session survives a drop only with clean start off <em>and</em> a session expiry above zero (MQTT 5
 * §3.1.2.11; mosquitto #1728): a positive {@link Builder#sessionExpiry} turns clean start off, zero (the default)
 * starts clean. Consumers that must not miss QoS 1 messages while they are away set a session expiry.
 */
public final class MqttClientConfig {

  private final String serverUri;
  private final String clientId;
  private final Optional<String> username;
  private final byte[] password;
  private final Duration sessionExpiry;
  private final Duration keepAlive;
  private final Duration connectTimeout;
  private final Duration reconnectMinDelay;
  private final Duration reconnectMaxDelay;
  private final int maxPending;
  private final int receiveMaximum;
  private final Optional<MqttMessage> will;

  private MqttClientConfig(Builder b) {
    this.serverUri = b.serverUri;
    this.clientId = b.clientId;
    this.username = Optional.ofNullable(b.username);
    this.password = b.password;
    this.sessionExpiry = b.sessionExpiry;
    this.keepAlive = b.keepAlive;
    this.connectTimeout = b.connectTimeout;
    this.reconnectMinDelay = b.reconnectMinDelay;
    this.reconnectMaxDelay = b.reconnectMaxDelay;
    this.maxPending = b.maxPending;
    this.receiveMaximum = b.receiveMaximum;
    this.will = Optional.ofNullable(b.will);
  }

  /**
   * @param serverUri {@code tcp://host:port} (or {@code ssl://host:port})
   * @param clientId the MQTT client identifier; unique per broker, stable for a persistent session
   */
  public static Builder builder(String serverUri, String clientId) {
    return new Builder(serverUri, clientId);
  }

  public String serverUri() {
    return serverUri;
  }

  public String clientId() {
    return clientId;
  }

  public Optional<String> username() {
    return username;
  }

  /** A copy of the password bytes, if one is set. */
  public Optional<byte[]> password() {
    return Optional.ofNullable(password).map(p -> Arrays.copyOf(p, p.length));
  }

  public Duration sessionExpiry() {
    return sessionExpiry;
  }

  /** Whether the client asks for a clean start: exactly when no session is to be kept. */
  public boolean cleanStart() {
    return sessionExpiry.isZero();
  }

  public Duration keepAlive() {
    return keepAlive;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration reconnectMinDelay() {
    return reconnectMinDelay;
  }

  public Duration reconnectMaxDelay() {
    return reconnectMaxDelay;
  }

  /** How many QoS 1/2 messages may wait for their acknowledgement at once before a publish is refused. */
  public int maxPending() {
    return maxPending;
  }

  /**
   * How many QoS 1/2 messages the broker may send before this client acknowledges them (MQTT 5 Receive Maximum).
   * A small value makes a broker pass shared-subscription messages to the other members while this one is busy.
   */
  public int receiveMaximum() {
    return receiveMaximum;
  }

  /** The Last-Will the broker publishes when this client vanishes without a DISCONNECT. */
  public Optional<MqttMessage> will() {
    return will;
  }

  /** This configuration with another Last-Will, as components that own their connection set it. */
  public MqttClientConfig withWill(MqttMessage will) {
    return toBuilder().will(will).build();
  }

  /** This configuration with another client id. */
  public MqttClientConfig withClientId(String clientId) {
    return toBuilder().clientId(clientId).build();
  }

  private Builder toBuilder() {
    Builder b = new Builder(serverUri, clientId);
    b.username = username.orElse(null);
    b.password = password;
    b.sessionExpiry = sessionExpiry;
    b.keepAlive = keepAlive;
    b.connectTimeout = connectTimeout;
    b.reconnectMinDelay = reconnectMinDelay;
    b.reconnectMaxDelay = reconnectMaxDelay;
    b.maxPending = maxPending;
    b.receiveMaximum = receiveMaximum;
    b.will = will.orElse(null);
    return b;
  }

  @Override
  public String toString() {
    return "mqtt " + serverUri + " as " + clientId + username.map(u -> " (user " + u + ")").orElse("");
  }

  /**
   * Builds an {@link MqttClientConfig}: clean start, 30 s keep-alive, 10 s connect timeout, reconnect back-off
   * from 1 s doubling to 30 s, at most 10 000 unacknowledged messages, receive maximum 65 535.
   */
  public static final class Builder {
    private final String serverUri;
    private String clientId;
    private String username;
    private byte[] password;
    private Duration sessionExpiry = Duration.ZERO;
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration reconnectMinDelay = Duration.ofSeconds(1);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private int maxPending = 10_000;
    private int receiveMaximum = 65_535;
    private MqttMessage will;

    private Builder(String serverUri, String clientId) {
      this.serverUri = serverUri;
      this.clientId = clientId;
    }

    private Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Signs in with a user name and password; there is no default password. */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** How long the broker keeps this client's session after it drops; positive turns clean start off. */
    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = sessionExpiry;
      return this;
    }

    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Reconnect back-off: the first delay, doubling up to {@code max}. MQTT clients count it in seconds. */
    public Builder reconnectDelay(Duration min, Duration max) {
      this.reconnectMinDelay = min;
      this.reconnectMaxDelay = max;
      return this;
    }

    public Builder maxPending(int maxPending) {
      this.maxPending = maxPending;
      return this;
    }

    public Builder receiveMaximum(int receiveMaximum) {
      this.receiveMaximum = receiveMaximum;
      return this;
    }

    public Builder will(MqttMessage will) {
      this.will = will;
      return this;
    }

    public MqttClientConfig build() {
      Objects.requireNonNull(serverUri, "serverUri");
      Objects.requireNonNull(clientId, "clientId");
      String scheme = URI.create(serverUri).getScheme();
      if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
        throw new IllegalArgumentException("broker must be tcp://host:port or ssl://host:port: " + serverUri);
      }
      if (clientId.isEmpty()) {
        throw new IllegalArgumentException("clientId must not be empty");
      }
      requireSeconds("keepAlive", keepAlive, false);
      requireSeconds("connectTimeout", connectTimeout, false);
      requireSeconds("sessionExpiry", sessionExpiry, true);
      requireSeconds("reconnect min delay", reconnectMinDelay, false);
      if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
        throw new IllegalArgumentException("reconnect max delay below min delay: " + reconnectMaxDelay);
      }
      if (receiveMaximum < 1 || receiveMaximum > 65_535) {
        throw new IllegalArgumentException("receiveMaximum must be 1 to 65535: " + receiveMaximum);
      }
      if (maxPending < 1) {
        throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
      }
      return new MqttClientConfig(this);
    }

    private static void requireSeconds(String what, Duration d, boolean zeroAllowed) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || (!zeroAllowed && d.toSeconds() < 1)) {
        throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "0 or " : "") + "at least 1 s: " + d);
      }
    }
  }
}
