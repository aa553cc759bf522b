package io.emms.transport.dtu;

import java.net.InetSocketAddress;

/**
 * Connection events of a {@link DtuServer}, for monitoring and for attaching a line to a DTU when it first
 * registers. Called on the connection's event loop: do not block.
 */
public interface DtuListener {

  /** Tells nothing. */
  DtuListener NONE = new DtuListener() {};

  /** A TCP connection was accepted; it has not registered yet. */
  default void connected(InetSocketAddress remote) {}

  /** A connection registered as {@code link}'s DTU (also when it replaced an older connection of the same id). */
  default void registered(DtuLink link, InetSocketAddress remote) {}

  /** A registered DTU's connection ended. */
  default void lost(DtuLink link, DtuDisconnectedException cause) {}

  /** A connection was closed before it registered: garbage, silence past the deadline, or too many bytes. */
  default void rejected(InetSocketAddress remote, String reason) {}
}
