package io.emms.transport.tcp;

import io.emms.transport.internal.ListenAddress;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a {@link TcpLinkServer} accepts connections.
 *
 * @param bindAddress the local address to listen on; {@code 127.0.0.1} unless configured, so that a server is
 *     never reachable from the network by accident. Use {@code 0.0.0.0} to accept DTUs dialling in
 * @param port the port, or 0 for an ephemeral one (see {@link TcpLinkServer#port()})
 * @param maxConnections connections beyond this many are closed as soon as they are accepted
 * @param idleTimeout a connection that neither sends nor receives for this long is closed; zero disables it
 * @param tcpNoDelay whether to disable Nagle's algorithm on accepted connections
 * @param eventLoopGroup a group to share; without one the server runs its own one-thread group
 */
public record TcpServerConfig(
    String bindAddress,
    int port,
    int maxConnections,
    Duration idleTimeout,
    boolean tcpNoDelay,
    Optional<EventLoopGroup> eventLoopGroup) {

  /** Loopback only: listening on all interfaces must be a decision. */
  public static final String DEFAULT_BIND_ADDRESS = ListenAddress.LOOPBACK;

  public TcpServerConfig {
    ListenAddress.check(bindAddress, port, eventLoopGroup);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
    }
  }

  /** 127.0.0.1, an ephemeral port, the other defaults of {@link Builder}. */
  public static TcpServerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TcpServerConfig}: 127.0.0.1, port 0, 1024 connections, no idle timeout, TCP_NODELAY on. */
  public static final class Builder {
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private int port;
    private int maxConnections = 1024;
    private Duration idleTimeout = Duration.ZERO;
    private boolean tcpNoDelay = true;
    private EventLoopGroup eventLoopGroup;

    private Builder() {}

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder tcpNoDelay(boolean tcpNoDelay) {
      this.tcpNoDelay = tcpNoDelay;
      return this;
    }

    /** Shares this group for accepting and for the connections; the server never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public TcpServerConfig build() {
      return new TcpServerConfig(
          bindAddress, port, maxConnections, idleTimeout, tcpNoDelay, Optional.ofNullable(eventLoopGroup));
    }
  }
}
