package io.emms.transport.dtu;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.dtu.internal.ConnectionEnd;
import io.emms.transport.dtu.internal.ConnectionSink;
import io.emms.transport.internal.NettyLinks;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line to one DTU, known by its registration id and never by its address: {@code dtu://ID}. It exists before
 * the DTU dials in ({@link DtuServer#link}), so a master can attach to it and wait: {@link #open()} completes when
 * the DTU registers. Each later registration of the same id (a reconnect, or a second connection that replaces
 * the first) carries on with the same link.
 *
 * <p>While open, the listener sees {@code onOpen()} at each registration and {@code onClosed(cause)} when that
 * connection ends, with a {@link DtuDisconnectedException} saying why: replaced by a newer connection, idle, closed
 * by the peer, or failed. It receives only protocol bytes: registration and heartbeats have been taken out.
 * Writes fail at once with a {@link LinkException} while no DTU is registered or while its write buffer is full;
 * nothing is queued for later. Listener calls come from the connection's event loop.
 */
public final class DtuLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(DtuLink.class);
  private static final LinkListener NO_LISTENER = data -> {};

  private final String id;
  private final String name;
  private final DtuServer.Monitor monitor;
  private volatile LinkListener listener = NO_LISTENER;
  private volatile Binding current;
  private volatile boolean wanted;
  private CompletableFuture<Void> opening;

  DtuLink(String id, DtuServer.Monitor monitor) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = "dtu://" + id;
    this.monitor = monitor;
  }

  /** The DTU's registration id. */
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  /** Whether the DTU is registered now (whether or not this link is open). */
  public boolean isRegistered() {
    Binding b = current;
    return b != null && b.channel.isActive();
  }

  /** The address the DTU's current connection comes from; it changes with carrier NAT, so never key on it. */
  public Optional<InetSocketAddress> remoteAddress() {
    Binding b = current;
    return b == null ? Optional.empty() : Optional.of((InetSocketAddress) b.channel.remoteAddress());
  }

  /** Completes when the DTU is registered: at once if it is, else when it dials in. Bound the wait yourself. */
  @Override
  public CompletableFuture<Void> open() {
    Binding now;
    synchronized (this) {
      if (wanted && opening != null) {
        return opening;
      }
      wanted = true;
      now = current;
      if (now == null) {
        opening = new CompletableFuture<>();
        return opening;
      }
    }
    now.channel.eventLoop().execute(() -> NettyLinks.notify(() -> listener.onOpen(), name, log));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isOpen() {
    synchronized (this) {
      return wanted && isRegistered();
    }
  }

  /** Writes to the DTU's current connection; fails at once if there is none or its write buffer is full. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    Binding b;
    synchronized (this) {
      b = wanted ? current : null;
    }
    if (b == null) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + " is not connected: the DTU is not registered"));
    }
    if (!b.channel.isWritable()) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + ": write buffer full, the DTU is not reading"));
    }
    return NettyLinks.write(b.channel, data, name);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Closes the DTU's current connection and stops delivering; the listener sees {@code onClosed(null)}. The DTU
   * will dial in again and may register, but the link tells nothing until it is opened again.
   */
  @Override
  public CompletableFuture<Void> closeAsync() {
    Binding b;
    CompletableFuture<Void> pending;
    boolean wasOpen;
    synchronized (this) {
      wasOpen = wanted && current != null;
      wanted = false;
      pending = opening;
      opening = null;
      b = current;
      current = null;
    }
    if (pending != null) {
      pending.completeExceptionally(new LinkException(name + " was closed before the DTU registered"));
    }
    if (b == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    b.channel.close().addListener(f -> {
      if (wasOpen) {
        NettyLinks.notify(() -> listener.onClosed(null), name, log);
      }
      done.complete(null);
    });
    return done;
  }

  /**
   * Closes the DTU's current connection as a dropped network would, and stays open: the listener sees
   * {@code onClosed} with reason {@link DtuDisconnectedException.Reason#HUNG_UP}, and {@code onOpen()} again when
   * the DTU has dialled back in. Use it to make a DTU reconnect (after reconfiguring it, or to test recovery).
   */
  public CompletableFuture<Void> hangUp() {
    Binding b = current;
    if (b == null) {
      return CompletableFuture.completedFuture(null);
    }
    b.hungUp = true;
    CompletableFuture<Void> done = new CompletableFuture<>();
    b.channel.close().addListener(f -> done.complete(null));
    return done;
  }

  /** Binds a newly registered connection; an older one is closed and reported as replaced. */
  ConnectionSink bind(Channel channel) {
    Binding fresh = new Binding(channel);
    Binding old;
    boolean open;
    CompletableFuture<Void> pending;
    synchronized (this) {
      old = current;
      current = fresh;
      open = wanted;
      pending = opening;
      opening = null;
    }
    if (old != null) {
      monitor.replaced();
      DtuDisconnectedException replaced = new DtuDisconnectedException(id, DtuDisconnectedException.Reason.REPLACED,
          "replaced by a newer connection from " + channel.remoteAddress(), null);
      if (open) {
        NettyLinks.notify(() -> listener.onClosed(replaced), name, log);
      }
      monitor.lost(this, replaced);
      old.channel.close();
    }
    if (open) {
      NettyLinks.notify(() -> listener.onOpen(), name, log);
    }
    if (pending != null) {
      pending.complete(null);
    }
    return fresh;
  }

  /** One registered connection; it speaks for the link only while it is the current one. */
  private final class Binding implements ConnectionSink {
    private final Channel channel;
    private volatile boolean hungUp;

    Binding(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void data(ByteBuf data) {
      if (current == this && wanted) {
        NettyLinks.deliver(listener, data, name, log);
      } else {
        data.release();
      }
    }

    @Override
    public void ended(ConnectionEnd end, Throwable cause) {
      boolean open;
      synchronized (DtuLink.this) {
        if (current != this) {
          return;
        }
        current = null;
        open = wanted;
      }
      DtuDisconnectedException why = switch (end) {
        case IDLE -> new DtuDisconnectedException(id, DtuDisconnectedException.Reason.IDLE,
            "no heartbeat or data within " + monitor.idleTimeout(), null);
        case CLOSED -> hungUp
            ? new DtuDisconnectedException(id, DtuDisconnectedException.Reason.HUNG_UP, "hung up by the server", null)
            : new DtuDisconnectedException(id, DtuDisconnectedException.Reason.PEER_CLOSED,
                "connection closed by the DTU or the network", null);
        case FAILED -> new DtuDisconnectedException(id, DtuDisconnectedException.Reason.FAILED,
            "connection failed", cause);
      };
      if (end == ConnectionEnd.IDLE) {
        monitor.idle();
      }
      if (open) {
        NettyLinks.notify(() -> listener.onClosed(why), name, log);
      }
      monitor.lost(DtuLink.this, why);
    }
  }
}
