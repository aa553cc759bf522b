package io.emms.transport.tcp;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TcpClientLink} connects.
 *
 * @param host host name or address
 * @param port TCP port
 * @param connectTimeout how long one connect attempt may take
 * @param openTimeout how long {@link TcpClientLink#open()} keeps trying (with the reconnect policy's delays)
 *     before it fails; reconnecting after an established connection drops has no such limit
 * @param reconnect when to connect again after a failed attempt or a drop
 * @param tcpNoDelay whether to disable Nagle's algorithm; on by default since meter requests are small and
 *     latency-bound
 * @param keepAlive whether to enable TCP keep-alive probes
 * @param eventLoopGroup a group to share with other links; without one the link runs its own one-thread group
 */
public record TcpClientConfig(
    String host,
    int port,
    Duration connectTimeout,
    Duration openTimeout,
    ReconnectPolicy reconnect,
    boolean tcpNoDelay,
    boolean keepAlive,
    Optional<EventLoopGroup> eventLoopGroup) {

  public TcpClientConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(openTimeout, "openTimeout");
    Objects.requireNonNull(reconnect, "reconnect");
    Objects.requireNonNull(eventLoopGroup, "eventLoopGroup");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535: " + port);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
    }
    if (openTimeout.isNegative() || openTimeout.isZero()) {
      throw new IllegalArgumentException("openTimeout must be positive: " + openTimeout);
    }
  }

  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /**
   * Builds a {@link TcpClientConfig}: 5 s connect timeout, 15 s open timeout, default reconnect, TCP_NODELAY and
   * keep-alive on.
   */
  public static final class Builder {
    private final String host;
    private final int port;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration openTimeout = Duration.ofSeconds(15);
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private boolean tcpNoDelay = true;
    private boolean keepAlive = true;
    private EventLoopGroup eventLoopGroup;

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder openTimeout(Duration openTimeout) {
      this.openTimeout = openTimeout;
      return this;
    }

    public Builder reconnect(ReconnectPolicy reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    public Builder tcpNoDelay(boolean tcpNoDelay) {
      this.tcpNoDelay = tcpNoDelay;
      return this;
    }

    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /** Shares this group; the link never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public TcpClientConfig build() {
      return new TcpClientConfig(
          host, port, connectTimeout, openTimeout, reconnect, tcpNoDelay, keepAlive, Optional.ofNullable(eventLoopGroup));
    }
  }
}
