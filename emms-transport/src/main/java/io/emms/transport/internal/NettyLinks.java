package io.emms.transport.internal;

import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** What the Netty-based links share: their event loops, writes and deliveries to the listener. */
public final class NettyLinks {

  private NettyLinks() {}

  /** A one-thread NIO group for a link that was not given one. Daemon threads: a forgotten link cannot hang exit. */
  public static EventLoopGroup newGroup(String name) {
    return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
  }

  /** Shuts a group down at once (no quiet period) and completes when its thread has ended. */
  public static CompletableFuture<Void> shutDown(EventLoopGroup group) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
    return done;
  }

  /** Writes and flushes {@code data}, which the channel releases, also on failure. */
  public static CompletableFuture<Void> write(Channel channel, ByteBuf data, String name) {
    return write(channel, data, name, null);
  }

  /**
   * Writes and flushes {@code data}, which the channel releases, also on failure.
   *
   * @param whyDown why the connection went down, if it did: the cause of a write that finds it down
   */
  public static CompletableFuture<Void> write(Channel channel, ByteBuf data, String name, Throwable whyDown) {
    if (channel == null || !channel.isActive()) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + ": not connected", whyDown));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    channel.writeAndFlush(data).addListener(f -> complete(done, f, name));
    return done;
  }

  /** Completes {@code done} from a Netty future, failures as {@link LinkException}. */
  public static void complete(CompletableFuture<Void> done, Future<?> result, String name) {
    if (result.isSuccess()) {
      done.complete(null);
    } else {
      done.completeExceptionally(new LinkException(name + ": write failed", result.cause()));
    }
  }

  /** Hands {@code data} to the listener and releases it after the call, whatever the listener does. */
  public static void deliver(LinkListener listener, ByteBuf data, String name, Logger log) {
    try {
      listener.onData(data);
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on {} bytes", name, data.readableBytes(), e);
    } finally {
      data.release();
    }
  }

  /** Tells the listener about a state change; a failing listener must not break the link's own bookkeeping. */
  public static void notify(Runnable call, String name, Logger log) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on a state change", name, e);
    }
  }
}
