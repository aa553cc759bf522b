package io.emms.transport.udp;

import io.emms.transport.internal.ListenAddress;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a {@link UdpLinkServer} receives datagrams.
 *
 * @param bindAddress the local address; {@code 127.0.0.1} unless configured, so that a server is never reachable
 *     from the network by accident
 * @param port the port, or 0 for an ephemeral one (see {@link UdpLinkServer#port()})
 * @param maxPeers datagrams from new peers beyond this many are dropped
 * @param peerIdleTimeout a peer not heard from for this long is forgotten and its link closed; zero keeps peers
 *     until the server stops
 * @param maxDatagramSize the largest datagram received whole
 * @param eventLoopGroup a group to share; without one the server runs its own one-thread group
 */
public record UdpServerConfig(
    String bindAddress,
    int port,
    int maxPeers,
    Duration peerIdleTimeout,
    int maxDatagramSize,
    Optional<EventLoopGroup> eventLoopGroup) {

  /** Loopback only: listening on all interfaces must be a decision. */
  public static final String DEFAULT_BIND_ADDRESS = ListenAddress.LOOPBACK;

  public UdpServerConfig {
    ListenAddress.check(bindAddress, port, eventLoopGroup);
    Objects.requireNonNull(peerIdleTimeout, "peerIdleTimeout");
    if (maxPeers < 1) {
      throw new IllegalArgumentException("maxPeers must be positive: " + maxPeers);
    }
    if (peerIdleTimeout.isNegative()) {
      throw new IllegalArgumentException("peerIdleTimeout must not be negative: " + peerIdleTimeout);
    }
    if (maxDatagramSize < 1 || maxDatagramSize > 65_507) {
      throw new IllegalArgumentException("maxDatagramSize must be 1 to 65507: " + maxDatagramSize);
    }
  }

  /** 127.0.0.1, an ephemeral port, the other defaults of {@link Builder}. */
  public static UdpServerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UdpServerConfig}: 127.0.0.1, port 0, 1024 peers, forgotten after 5 minutes, 2048 bytes. */
  public static final class Builder {
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private int port;
    private int maxPeers = 1024;
    private Duration peerIdleTimeout = Duration.ofMinutes(5);
    private int maxDatagramSize = 2048;
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

    public Builder maxPeers(int maxPeers) {
      this.maxPeers = maxPeers;
      return this;
    }

    public Builder peerIdleTimeout(Duration peerIdleTimeout) {
      this.peerIdleTimeout = peerIdleTimeout;
      return this;
    }

    public Builder maxDatagramSize(int maxDatagramSize) {
      this.maxDatagramSize = maxDatagramSize;
      return this;
    }

    /** Shares this group; the server never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public UdpServerConfig build() {
      return new UdpServerConfig(
          bindAddress, port, maxPeers, peerIdleTimeout, maxDatagramSize, Optional.ofNullable(eventLoopGroup));
    }
  }
}
