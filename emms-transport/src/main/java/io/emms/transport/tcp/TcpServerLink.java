package io.emms.transport.tcp;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One connection accepted by a {@link TcpLinkServer}, handed to the server's handler already open.
 *
 * <p>Unlike other links it cannot be opened again once closed: the peer dialled in, so only the peer can come
 * back, as a new connection. Listener calls come from the connection's event loop thread.
 */
public final class TcpServerLink implements Link {

  private final Channel channel;
  private final String name;
  private final Instant acceptedAt;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile LinkListener listener = data -> {};
  private volatile boolean closeRequested;

  TcpServerLink(Channel channel, Instant acceptedAt) {
    this.channel = channel;
    this.acceptedAt = acceptedAt;
    this.name = "tcp:" + addressText(remoteAddress()) + "->" + addressText(localAddress());
  }

  private static String addressText(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  @Override
  public String name() {
    return name;
  }

  /** The peer's address: a meter gateway or, later, the DTU that dialled in. */
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  /** The server's address this connection came in on. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** When the connection was accepted. */
  public Instant acceptedAt() {
    return acceptedAt;
  }

  /** Completes at once while the connection is up; fails once it is closed, as it cannot be re-established. */
  @Override
  public CompletableFuture<Void> open() {
    return channel.isActive()
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new LinkException(name + " was closed; the peer has to connect again"));
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    return NettyLinks.write(channel, data, name);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  LinkListener listener() {
    return listener;
  }

  /** Whether this side asked to close, as opposed to the peer or the network. */
  boolean closeRequested() {
    return closeRequested;
  }

  /** Called by the server once the listener has been told the connection is gone. */
  void closed() {
    closed.complete(null);
  }

  /** Closes the connection; completes after the listener has seen {@code onClosed(null)}. */
  @Override
  public CompletableFuture<Void> closeAsync() {
    closeRequested = true;
    channel.close();
    return closed;
  }
}
