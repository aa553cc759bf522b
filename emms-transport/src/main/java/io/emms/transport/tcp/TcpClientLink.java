package io.emms.transport.tcp;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} that dials a TCP server (a meter gateway, a Modbus TCP device, a DTU in server mode) and dials
 * again when the connection drops.
 *
 * <p>{@link #open()} fails within {@link TcpClientConfig#openTimeout()} with a {@link ConnectFailedException}
 * that says whether the peer refused, did not answer or cannot be reached, so a bare {@code open().join()} never
 * hangs. Once connected, the link reconnects on its own, without a time limit, following the
 * {@link ReconnectPolicy}: the listener sees {@code onClosed(cause)} when the connection drops and {@code onOpen()}
 * again once it is back; the drop is logged at WARN and the reconnect at INFO. Writes while the
 * connection is down fail at once with a {@link LinkException}; nothing is buffered for later, since a meter
 * request that arrives late is worse than one that fails. {@link #closeAsync()} stops reconnecting.
 *
 * <p>All listener calls come from the link's event loop thread; use {@code closeAsync()}, not {@code close()},
 * from inside them.
 */
public final class TcpClientLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(TcpClientLink.class);
  private static final LinkListener NO_LISTENER = data -> {};

  private final TcpClientConfig config;
  private final String name;
  private final AtomicLong connectAttempts = new AtomicLong();
  private volatile LinkListener listener = NO_LISTENER;
  private volatile Channel channel;
  /** Why the last connection went down, as the cause of writes that find the link down. */
  private volatile Throwable lastDrop;
  private Session session;
  private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

  public TcpClientLink(TcpClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = "tcp:" + config.host() + ":" + config.port();
  }

  public TcpClientConfig config() {
    return config;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Starts connecting. Completes on the first successful connect. With reconnect enabled it retries until the
   * open timeout has passed; with reconnect disabled it stops after the first failed attempt. Either way it then
   * fails with a {@link ConnectFailedException} and the link is closed again; it also fails if the link is closed
   * first.
   */
  @Override
  public CompletableFuture<Void> open() {
    Session started;
    synchronized (this) {
      if (session != null) {
        return session.opened;
      }
      session = new Session();
      started = session;
    }
    started.connect();
    return started.opened;
  }

  @Override
  public boolean isOpen() {
    Channel current = channel;
    return current != null && current.isActive();
  }

  /** Writes and flushes; fails at once with a {@link LinkException} while not connected. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    return NettyLinks.write(channel, data, name, lastDrop);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Connect attempts so far, successful or not; shows a link that keeps failing. */
  public long connectAttempts() {
    return connectAttempts.get();
  }

  /** Stops reconnecting and closes the connection; completes once its own event loop, if any, has stopped. */
  @Override
  public CompletableFuture<Void> closeAsync() {
    Session closed;
    CompletableFuture<Void> done;
    synchronized (this) {
      if (session == null) {
        return closing;
      }
      closed = session;
      Channel connected = channel;
      session = null;
      channel = null;
      closing = closed.close(connected);
      done = closing;
    }
    closed.opened.completeExceptionally(new LinkException(name + " was closed before it connected"));
    return done;
  }

  /** One open period: the event loop it runs on, the pending open and the retry schedule. */
  private final class Session {
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Bootstrap bootstrap;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private int attempt;
    private boolean wasConnected;
    private Throwable lastFailure;
    private ScheduledFuture<?> retry;
    private final ScheduledFuture<?> openDeadline;
    private int tries;

    Session() {
      ownsGroup = config.eventLoopGroup().isEmpty();
      group = config.eventLoopGroup().orElseGet(() -> NettyLinks.newGroup("emms-" + name));
      bootstrap = new Bootstrap()
          .group(group)
          .channel(NioSocketChannel.class)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
          .option(ChannelOption.TCP_NODELAY, config.tcpNoDelay())
          .option(ChannelOption.SO_KEEPALIVE, config.keepAlive())
          .remoteAddress(config.host(), config.port());
      openDeadline = group.next().schedule(this::openTimedOut, config.openTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private boolean isCurrent() {
      return session == this;
    }

    void connect() {
      synchronized (TcpClientLink.this) {
        if (!isCurrent()) {
          return;
        }
        retry = null;
        tries++;
      }
      connectAttempts.incrementAndGet();
      // A fresh handler per connection: it holds that connection's failure cause.
      bootstrap.clone().handler(new Inbound()).connect().addListener((ChannelFuture f) -> connected(f));
    }

    private void connected(ChannelFuture f) {
      if (!f.isSuccess()) {
        connectFailed(f.cause());
        return;
      }
      Channel ch = f.channel();
      synchronized (TcpClientLink.this) {
        if (!isCurrent()) {
          ch.close();
          return;
        }
        if (wasConnected) {
          log.info("{}: reconnected after {} attempt(s)", name, attempt);
        }
        attempt = 0;
        wasConnected = true;
        channel = ch;
        openDeadline.cancel(false);
      }
      log.debug("{}: connected from {}", name, ch.localAddress());
      NettyLinks.notify(listener::onOpen, name, log);
      opened.complete(null);
    }

    private void connectFailed(Throwable cause) {
      synchronized (TcpClientLink.this) {
        if (!isCurrent()) {
          return;
        }
        lastFailure = cause;
        if (config.reconnect().enabled()) {
          log.debug("{}: connect failed, retry {}: {}", name, attempt + 1, cause.toString());
          scheduleRetry();
          return;
        }
      }
      failOpen();
    }

    private void openTimedOut() {
      synchronized (TcpClientLink.this) {
        if (!isCurrent() || wasConnected) {
          return;
        }
      }
      failOpen();
    }

    /** The first connect did not succeed in time: this session ends and {@code open()} says why. */
    private void failOpen() {
      Throwable cause;
      int made;
      synchronized (TcpClientLink.this) {
        if (!isCurrent()) {
          return;
        }
        cause = lastFailure;
        made = tries;
        session = null;
        closing = close(null);
      }
      opened.completeExceptionally(new ConnectFailedException(
          name, ConnectFailedException.Reason.of(cause), made, cause));
    }

    /** The connection {@code ch} went down; reconnect unless this was a requested close. */
    void dropped(Channel ch, Throwable cause) {
      boolean reconnect;
      synchronized (TcpClientLink.this) {
        if (channel != ch || !isCurrent()) {
          return;
        }
        channel = null;
        reconnect = config.reconnect().enabled();
        if (reconnect) {
          scheduleRetry();
        } else {
          session = null;
          closing = close(null);
        }
      }
      Throwable why = cause != null ? cause : new LinkException(name + ": connection closed by the peer");
      lastDrop = why;
      if (reconnect) {
        log.warn("{}: connection lost ({}), reconnecting", name, cause != null ? cause : "closed by the peer");
      } else {
        log.debug("{}: connection lost", name, why);
      }
      NettyLinks.notify(() -> listener.onClosed(why), name, log);
    }

    /** Called holding the link's lock, while this session is current, so the group is not shutting down. */
    private void scheduleRetry() {
      Duration delay = config.reconnect().delay(attempt++, ThreadLocalRandom.current().nextDouble());
      retry = group.next().schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends this session; tells the listener {@code onClosed(null)} if {@code connected} was up. */
    CompletableFuture<Void> close(Channel connected) {
      if (retry != null) {
        retry.cancel(false);
      }
      openDeadline.cancel(false);
      CompletableFuture<Void> done = new CompletableFuture<>();
      if (connected == null) {
        done.complete(null);
      } else {
        connected.close().addListener(f -> {
          NettyLinks.notify(() -> listener.onClosed(null), name, log);
          done.complete(null);
        });
      }
      return ownsGroup ? done.thenCompose(ignored -> NettyLinks.shutDown(group)) : done;
    }

    /** Delivers reads and remembers why the connection failed. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
      private Throwable cause;

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyLinks.deliver(listener, (ByteBuf) msg, name, log);
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        this.cause = cause;
        ctx.close();
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        dropped(ctx.channel(), cause);
      }
    }
  }
}
