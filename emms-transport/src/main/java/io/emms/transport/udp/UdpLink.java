package io.emms.transport.udp;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} that exchanges datagrams with one peer, for Modbus UDP and, later, NB-IoT: each {@code write}
 * sends one datagram, and each datagram received from the peer is one {@code onData} call. Datagrams from
 * any other address are dropped.
 *
 * <p>There is no connection to lose: a peer that is down shows as missing replies, which the protocol's
 * timeout handles, and the link stays open. The socket is deliberately not connected, so that an ICMP "port
 * unreachable" for one datagram cannot fail the next write.
 */
public final class UdpLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(UdpLink.class);

  private final UdpConfig config;
  private final String name;
  private volatile LinkListener listener = data -> {};
  private Channel channel;
  private volatile InetSocketAddress peer;
  private EventLoopGroup ownGroup;
  private CompletableFuture<Void> opened;
  private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

  public UdpLink(UdpConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = "udp:" + config.host() + ":" + config.port();
  }

  public UdpConfig config() {
    return config;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Resolves the peer, in the calling thread, and binds a local port; fails with a {@link LinkException} if
   * either fails.
   */
  @Override
  public synchronized CompletableFuture<Void> open() {
    if (opened != null) {
      return opened;
    }
    InetSocketAddress resolved = new InetSocketAddress(config.host(), config.port());
    if (resolved.isUnresolved()) {
      return CompletableFuture.failedFuture(new LinkException(name + ": cannot resolve " + config.host()));
    }
    peer = resolved;
    CompletableFuture<Void> pending = new CompletableFuture<>();
    opened = pending;
    EventLoopGroup group = config.eventLoopGroup().orElseGet(() -> ownGroup = NettyLinks.newGroup("emms-" + name));
    new Bootstrap()
        .group(group)
        .channel(NioDatagramChannel.class)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxDatagramSize()))
        .handler(new Inbound())
        .bind(config.localPort())
        .addListener((ChannelFuture f) -> bound(f, pending));
    return pending;
  }

  private void bound(ChannelFuture f, CompletableFuture<Void> pending) {
    if (!f.isSuccess()) {
      pending.completeExceptionally(new LinkException(name + ": cannot open", f.cause()));
      synchronized (this) {
        if (opened == pending) {
          closeAsync();
        }
      }
      return;
    }
    synchronized (this) {
      if (opened != pending) {
        f.channel().close();
        return;
      }
      channel = f.channel();
    }
    NettyLinks.notify(listener::onOpen, name, log);
    pending.complete(null);
  }

  @Override
  public synchronized boolean isOpen() {
    return channel != null && channel.isActive();
  }

  /** The local address datagrams are sent from; only while open. */
  public synchronized InetSocketAddress localAddress() {
    if (channel == null) {
      throw new IllegalStateException(name + " is not open");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  /** Sends {@code data} as one datagram. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    Channel current;
    synchronized (this) {
      current = channel;
    }
    if (current == null || !current.isActive()) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    current.writeAndFlush(new DatagramPacket(data, peer)).addListener(f -> NettyLinks.complete(done, f, name));
    return done;
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Closes the socket; completes once its own event loop, if any, has stopped. */
  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (opened == null) {
      return closing;
    }
    opened.completeExceptionally(new LinkException(name + " was closed before it opened"));
    opened = null;
    Channel current = channel;
    channel = null;
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (current == null) {
      done.complete(null);
    } else {
      current.close().addListener(f -> {
        NettyLinks.notify(() -> listener.onClosed(null), name, log);
        done.complete(null);
      });
    }
    EventLoopGroup group = ownGroup;
    ownGroup = null;
    closing = group == null ? done : done.thenCompose(ignored -> NettyLinks.shutDown(group));
    return closing;
  }

  /** One datagram, one delivery. */
  private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
    Inbound() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      if (!packet.sender().equals(peer)) {
        log.debug("{}: dropped a datagram from {}", name, packet.sender());
        packet.release();
        return;
      }
      NettyLinks.deliver(listener, packet.content(), name, log);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("{}: socket error", name, cause);
    }
  }
}
