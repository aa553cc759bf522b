package io.emms.transport.udp;

import io.emms.core.link.LinkException;
import io.emms.transport.internal.BoundChannel;
import io.emms.transport.internal.NettyLinks;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives datagrams on one socket and gives every peer its own {@link UdpPeerLink}, handed to a handler when
 * the peer's first datagram arrives (before that datagram is delivered), so that a simulator or a master can
 * answer many peers as if each had a connection.
 *
 * <p>The handler and all listeners run on the server's event loop thread and must not block.
 */
public final class UdpLinkServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UdpLinkServer.class);

  private final UdpServerConfig config;
  private final Consumer<? super UdpPeerLink> handler;
  private final Map<InetSocketAddress, UdpPeerLink> peers = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final BoundChannel bound;
  private ScheduledFuture<?> sweep;

  /** @param handler receives each new peer's link, on the server's event loop */
  public UdpLinkServer(UdpServerConfig config, Consumer<? super UdpPeerLink> handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.bound = new BoundChannel("udp", config.eventLoopGroup(), log);
  }

  public UdpServerConfig config() {
    return config;
  }

  /** Binds; completes with the bound address, or fails with a {@link LinkException}. Starts only once. */
  public CompletableFuture<InetSocketAddress> start() {
    return bound.start(config.bindAddress(), config.port(), group -> new Bootstrap()
        .group(group)
        .channel(NioDatagramChannel.class)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxDatagramSize()))
        .handler(new Inbound())
        .bind(config.bindAddress(), config.port()), this::startSweep);
  }

  /** Forgets idle peers every quarter of the idle timeout; called once bound, under the bound channel's lock. */
  private void startSweep(Channel channel) {
    if (!config.peerIdleTimeout().isZero()) {
      long period = Math.max(10, config.peerIdleTimeout().toMillis() / 4);
      sweep = channel.eventLoop().scheduleAtFixedRate(this::forgetIdlePeers, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** The bound address; only after {@link #start()} has completed. */
  public InetSocketAddress localAddress() {
    return bound.localAddress();
  }

  /** The bound port, which is the ephemeral one when configured with port 0. */
  public int port() {
    return localAddress().getPort();
  }

  /** The peers known now. */
  public List<UdpPeerLink> peers() {
    return List.copyOf(peers.values());
  }

  /** Datagrams dropped because {@link UdpServerConfig#maxPeers()} peers were already known. */
  public long droppedDatagrams() {
    return dropped.get();
  }

  private void forgetIdlePeers() {
    long now = System.nanoTime();
    long idle = config.peerIdleTimeout().toNanos();
    for (UdpPeerLink link : peers.values()) {
      if (now - link.lastHeardNanos() > idle) {
        forget(link, new LinkException(link.name() + ": not heard from for " + config.peerIdleTimeout()));
      }
    }
  }

  /** Drops a peer and tells its listener, on the event loop like every other listener call. */
  CompletableFuture<Void> forget(UdpPeerLink link, Throwable cause) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable forget = () -> {
      peers.remove(link.remoteAddress(), link);
      if (link.markClosed()) {
        NettyLinks.notify(() -> link.listener().onClosed(cause), link.name(), log);
      }
      done.complete(null);
    };
    Channel current = bound.channel();
    if (current == null || current.eventLoop().inEventLoop()) {
      forget.run();
    } else {
      try {
        current.eventLoop().execute(forget);
      } catch (RejectedExecutionException stoppedMeanwhile) {
        forget.run();
      }
    }
    return done;
  }

  /** Stops receiving and closes every peer's link; each listener sees {@code onClosed(null)}. */
  public CompletableFuture<Void> closeAsync() {
    return bound.stop(() -> {
      if (sweep != null) {
        sweep.cancel(false);
      }
      return CompletableFuture.allOf(
          peers.values().stream().map(link -> forget(link, null)).toArray(CompletableFuture[]::new));
    });
  }

  /** Stops the server and waits; do not call from a listener (use {@link #closeAsync()}). */
  @Override
  public void close() {
    closeAsync().join();
  }

  /** Routes each datagram to its peer's link, making the link on a peer's first datagram. */
  private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
    Inbound() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      UdpPeerLink link = peers.get(packet.sender());
      if (link == null) {
        link = admit(ctx.channel(), packet.sender());
        if (link == null) {
          dropped.incrementAndGet();
          packet.release();
          return;
        }
      }
      link.heard(System.nanoTime());
      NettyLinks.deliver(link.listener(), packet.content(), link.name(), log);
    }

    private UdpPeerLink admit(Channel channel, InetSocketAddress sender) {
      if (bound.stopping() || peers.size() >= config.maxPeers()) {
        return null;
      }
      UdpPeerLink link = new UdpPeerLink(channel, sender, UdpLinkServer.this);
      link.heard(System.nanoTime());
      peers.put(sender, link);
      try {
        handler.accept(link);
      } catch (RuntimeException e) {
        log.warn("handler failed on {}; dropping the peer", link.name(), e);
        forget(link, e);
        return null;
      }
      NettyLinks.notify(() -> link.listener().onOpen(), link.name(), log);
      return link;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("udp socket error", cause);
    }
  }
}
