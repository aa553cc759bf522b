package io.emms.transport.tcp;

import io.emms.core.link.LinkException;
import io.emms.transport.internal.BoundChannel;
import io.emms.transport.internal.NettyLinks;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP connections and hands each one, as an open {@link TcpServerLink}, to a handler: a meter simulator
 * that serves it, or a master that polls the meter behind a DTU which dialled in.
 *
 * <p>The handler runs on the connection's event loop before any byte is read, so the listener it sets sees
 * everything; it must not block. A handler can also set a listener of its own first, for instance to read a
 * DTU's registration packet and learn which meter is behind the connection, and pass the link on afterwards.
 *
 * <pre>{@code
 * try (TcpLinkServer server = new TcpLinkServer(TcpServerConfig.defaults(), link -> link.setListener(...))) {
 *   server.start().join();
 *   int port = server.port();
 * }
 * }</pre>
 */
public final class TcpLinkServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TcpLinkServer.class);

  private final TcpServerConfig config;
  private final Consumer<? super TcpServerLink> handler;
  private final Set<TcpServerLink> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final BoundChannel bound;

  /** @param handler receives each accepted connection, on that connection's event loop */
  public TcpLinkServer(TcpServerConfig config, Consumer<? super TcpServerLink> handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.bound = new BoundChannel("tcp", config.eventLoopGroup(), log);
  }

  public TcpServerConfig config() {
    return config;
  }

  /** Binds; completes with the bound address, or fails with a {@link LinkException}. Starts only once. */
  public CompletableFuture<InetSocketAddress> start() {
    return bound.start(config.bindAddress(), config.port(), group -> new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, config.tcpNoDelay())
        .childHandler(new Initializer())
        .bind(config.bindAddress(), config.port()), channel -> {});
  }

  /** The bound address; only after {@link #start()} has completed. */
  public InetSocketAddress localAddress() {
    return bound.localAddress();
  }

  /** The bound port, which is the ephemeral one when configured with port 0. */
  public int port() {
    return localAddress().getPort();
  }

  /** The connections open now. */
  public List<TcpServerLink> connections() {
    return List.copyOf(connections);
  }

  /** Stops listening and closes every connection; each listener sees {@code onClosed(null)}. */
  public CompletableFuture<Void> closeAsync() {
    return bound.stop(() -> CompletableFuture.allOf(
        connections.stream().map(TcpServerLink::closeAsync).toArray(CompletableFuture[]::new)));
  }

  /** Stops the server and waits; do not call from a connection's listener (use {@link #closeAsync()}). */
  @Override
  public void close() {
    closeAsync().join();
  }

  /** Turns away connections over the limit, before the handler sees them. */
  private final class Initializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
      if (!bound.admit(ch, accepted, config.maxConnections())) {
        return;
      }
      long idleMillis = config.idleTimeout().toMillis();
      if (idleMillis > 0) {
        ch.pipeline().addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
      }
      ch.pipeline().addLast(new Connection());
    }
  }

  /** Bridges one accepted channel to its {@link TcpServerLink}. */
  private final class Connection extends ChannelInboundHandlerAdapter {
    private TcpServerLink link;
    private Throwable cause;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      link = new TcpServerLink(ctx.channel(), Instant.now());
      connections.add(link);
      if (bound.stopping()) {
        // Accepted while the server stops, possibly after its sweep of the connections: close it here.
        link.closeAsync();
        return;
      }
      log.debug("accepted {}", link.name());
      try {
        handler.accept(link);
      } catch (RuntimeException e) {
        log.warn("handler failed on {}; closing it", link.name(), e);
        ctx.close();
        return;
      }
      NettyLinks.notify(() -> link.listener().onOpen(), link.name(), log);
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      NettyLinks.deliver(link.listener(), (ByteBuf) msg, link.name(), log);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof IdleStateEvent) {
        cause = new LinkException(link.name() + ": idle for " + config.idleTimeout());
        ctx.close();
      } else {
        ctx.fireUserEventTriggered(event);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      this.cause = cause;
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      connections.remove(link);
      Throwable why = cause != null ? cause
          : link.closeRequested() ? null
          : new LinkException(link.name() + ": connection closed by the peer");
      NettyLinks.notify(() -> link.listener().onClosed(why), link.name(), log);
      link.closed();
    }
  }
}
