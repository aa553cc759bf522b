package io.emms.transport.internal;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.Optional;

/** The checks every link server's config makes on where it listens. */
public final class ListenAddress {

  /** Loopback only: listening on all interfaces must be a decision. */
  public static final String LOOPBACK = "127.0.0.1";

  private ListenAddress() {}

  /** Requires a bind address, a port in 0..65535 (0: ephemeral) and a present-or-empty event loop group. */
  public static void check(String bindAddress, int port, Optional<EventLoopGroup> eventLoopGroup) {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(eventLoopGroup, "eventLoopGroup");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535: " + port);
    }
  }
}
