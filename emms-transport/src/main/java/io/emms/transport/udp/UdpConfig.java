package io.emms.transport.udp;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link UdpLink} sends its datagrams.
 *
 * @param host the peer's host name or address
 * @param port the peer's port
 * @param localPort the local port to send from, or 0 for an ephemeral one
 * @param maxDatagramSize the largest datagram received whole; longer ones are cut by the operating system
 * @param eventLoopGroup a group to share; without one the link runs its own one-thread group
 */
public record UdpConfig(
    String host, int port, int localPort, int maxDatagramSize, Optional<EventLoopGroup> eventLoopGroup) {

  public UdpConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(eventLoopGroup, "eventLoopGroup");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535: " + port);
    }
    if (localPort < 0 || localPort > 65535) {
      throw new IllegalArgumentException("localPort must be 0 to 65535: " + localPort);
    }
    if (maxDatagramSize < 1 || maxDatagramSize > 65_507) {
      throw new IllegalArgumentException("maxDatagramSize must be 1 to 65507: " + maxDatagramSize);
    }
  }

  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /** Builds a {@link UdpConfig}: ephemeral local port, datagrams up to 2048 bytes. */
  public static final class Builder {
    private final String host;
    private final int port;
    private int localPort;
    private int maxDatagramSize = 2048;
    private EventLoopGroup eventLoopGroup;

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    public Builder localPort(int localPort) {
      this.localPort = localPort;
      return this;
    }

    public Builder maxDatagramSize(int maxDatagramSize) {
      this.maxDatagramSize = maxDatagramSize;
      return this;
    }

    /** Shares this group; the link never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public UdpConfig build() {
      return new UdpConfig(host, port, localPort, maxDatagramSize, Optional.ofNullable(eventLoopGroup));
    }
  }
}
