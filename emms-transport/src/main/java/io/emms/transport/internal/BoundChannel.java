package io.emms.transport.internal;

import io.emms.core.link.LinkException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The life of a link server's one bound channel, shared by the TCP and UDP servers: bind once, on a shared event
 * loop group or one of its own; tell the bound address; stop once by closing the channel, then the server's links,
 * then its own group. Thread-safe.
 */
public final class BoundChannel {

  private final String protocol;
  private final Optional<EventLoopGroup> sharedGroup;
  private final Logger log;
  private volatile boolean stopping;
  private EventLoopGroup group;
  private Channel channel;
  private CompletableFuture<InetSocketAddress> started;
  private CompletableFuture<Void> stopped;

  /**
   * @param protocol {@code tcp} or {@code udp}, for thread names, messages and the log
   * @param sharedGroup a group to bind on; without one, a one-thread group is made and shut down on stop
   */
  public BoundChannel(String protocol, Optional<EventLoopGroup> sharedGroup, Logger log) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.sharedGroup = Objects.requireNonNull(sharedGroup, "sharedGroup");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Binds, only the first time: {@code bind} binds a bootstrap on the group it is given; {@code onBound} runs with
   * the bound channel before the returned future completes with its address. Fails with a {@link LinkException}.
   */
  public synchronized CompletableFuture<InetSocketAddress> start(
      String bindAddress, int port, Function<EventLoopGroup, ChannelFuture> bind, Consumer<Channel> onBound) {
    if (started != null) {
      return started;
    }
    started = new CompletableFuture<>();
    group = sharedGroup.orElseGet(() -> NettyLinks.newGroup("emms-" + protocol + "-server"));
    bind.apply(group).addListener((ChannelFuture f) -> bound(f, bindAddress + ":" + port, onBound));
    return started;
  }

  private void bound(ChannelFuture f, String address, Consumer<Channel> onBound) {
    if (!f.isSuccess()) {
      started.completeExceptionally(
          new LinkException("cannot listen on " + protocol + " " + address + ": " + why(f.cause()), f.cause()));
      return;
    }
    synchronized (this) {
      channel = f.channel();
      onBound.accept(channel);
    }
    log.info("listening on {} {}", protocol, f.channel().localAddress());
    started.complete((InetSocketAddress) f.channel().localAddress());
  }

  /** The socket layer's reason in the message's case: "address already in use". */
  private static String why(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isEmpty()
        ? cause.getClass().getSimpleName()
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }

  /** The bound address; only after {@link #start} has completed. */
  public synchronized InetSocketAddress localAddress() {
    if (channel == null) {
      throw new IllegalStateException("the server is not listening");
    }
    return (InetSocketAddress) channel.localAddress();
  }

  /** The bound channel, or {@code null} before binding. */
  public synchronized Channel channel() {
    return channel;
  }

  /** Whether {@link #stop} has been called: new peers are to be turned away. */
  public boolean stopping() {
    return stopping;
  }

  /**
   * Admits a connection a server has just accepted, unless the server is stopping or already holds {@code max}: a
   * refused connection is closed (and logged when it was the limit), an admitted one is counted in {@code open}
   * until it closes.
   */
  public boolean admit(Channel connection, AtomicInteger open, int max) {
    if (stopping || open.incrementAndGet() > max) {
      if (!stopping) {
        open.decrementAndGet();
        log.warn("refused {}: already {} connections", connection.remoteAddress(), max);
      }
      connection.close();
      return false;
    }
    connection.closeFuture().addListener(f -> open.decrementAndGet());
    return true;
  }

  /**
   * Stops, only the first time: closes the bound channel so that no new peer slips in, then runs {@code closeLinks}
   * (the server's links to its peers), then shuts down a group of its own. Never completes exceptionally.
   */
  public synchronized CompletableFuture<Void> stop(Supplier<CompletableFuture<?>> closeLinks) {
    if (stopped != null) {
      return stopped;
    }
    stopping = true;
    if (started == null) {
      stopped = CompletableFuture.completedFuture(null);
      return stopped;
    }
    CompletableFuture<Void> closed = started
        .handle((address, failure) -> address)
        .thenCompose(address -> address == null ? CompletableFuture.completedFuture(null) : closeChannel(channel))
        .thenCompose(ignored -> closeLinks.get())
        .handle((ignored, failure) -> null);
    stopped = sharedGroup.isPresent() ? closed : closed.thenCompose(ignored -> NettyLinks.shutDown(group));
    return stopped;
  }

  private static CompletableFuture<Void> closeChannel(Channel channel) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    channel.close().addListener(f -> done.complete(null));
    return done;
  }
}
