package io.emms.transport.udp;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The datagrams a {@link UdpLinkServer} exchanges with one peer, as a {@link Link}: writes go to that peer, and
 * the peer's datagrams arrive one per {@code onData} call.
 *
 * <p>Handed to the server's handler already open. Once closed it cannot be opened again; the server makes a new
 * link if the peer sends again.
 */
public final class UdpPeerLink implements Link {

  private final Channel channel;
  private final InetSocketAddress peer;
  private final String name;
  private final UdpLinkServer server;
  private volatile LinkListener listener = data -> {};
  private volatile boolean open = true;
  private volatile long lastHeardNanos;

  UdpPeerLink(Channel channel, InetSocketAddress peer, UdpLinkServer server) {
    this.channel = channel;
    this.peer = peer;
    this.server = server;
    this.name = "udp:" + peer.getAddress().getHostAddress() + ":" + peer.getPort() + "->"
        + ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public String name() {
    return name;
  }

  /** The peer's address and port. */
  public InetSocketAddress remoteAddress() {
    return peer;
  }

  /** Completes at once while open; fails once closed. */
  @Override
  public CompletableFuture<Void> open() {
    return open
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new LinkException(name + " was closed; the peer has to send again"));
  }

  @Override
  public boolean isOpen() {
    return open && channel.isActive();
  }

  /** Sends {@code data} to the peer as one datagram. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    if (!open) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
    if (!channel.isActive()) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + ": the server socket is closed"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    channel.writeAndFlush(new DatagramPacket(data, peer)).addListener(f -> NettyLinks.complete(done, f, name));
    return done;
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  LinkListener listener() {
    return listener;
  }

  void heard(long nanos) {
    lastHeardNanos = nanos;
  }

  long lastHeardNanos() {
    return lastHeardNanos;
  }

  /** Marks the link closed; returns whether it was open, so that the listener is told once. */
  boolean markClosed() {
    boolean wasOpen = open;
    open = false;
    return wasOpen;
  }

  /** Forgets the peer; the listener sees {@code onClosed(null)}. */
  @Override
  public CompletableFuture<Void> closeAsync() {
    return server.forget(this, null);
  }
}
