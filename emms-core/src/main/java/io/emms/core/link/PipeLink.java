package io.emms.core.link;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * An in-memory link: two connected ends, each delivering what the other writes on its own thread, in order.
 * Connects a master to a simulator in one JVM (tests, demos, examples) without sockets or serial ports.
 */
public final class PipeLink implements Link {

  private final String name;
  private PipeLink peer;
  private volatile LinkListener listener = data -> {};
  private volatile boolean open;
  private ExecutorService inbox;

  private PipeLink(String name) {
    this.name = name;
  }

  /** Two connected ends, both closed; open each before use. */
  public static PipeLink[] pair(String name) {
    PipeLink a = new PipeLink("pipe:" + name + "/a");
    PipeLink b = new PipeLink("pipe:" + name + "/b");
    a.peer = b;
    b.peer = a;
    return new PipeLink[] {a, b};
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized CompletableFuture<Void> open() {
    if (!open) {
      inbox = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      open = true;
      inbox.execute(() -> listener.onOpen());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    if (!open) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
    peer.deliver(data);
    return CompletableFuture.completedFuture(null);
  }

  /** Takes ownership of data; drops it when this end is closed, as a wire to a switched-off device would. */
  private void deliver(ByteBuf data) {
    ExecutorService target;
    synchronized (this) {
      target = open ? inbox : null;
    }
    if (target == null) {
      data.release();
      return;
    }
    try {
      target.execute(() -> {
        try {
          listener.onData(data);
        } finally {
          data.release();
        }
      });
    } catch (RejectedExecutionException closedMeanwhile) {
      data.release();
    }
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (open) {
      open = false;
      LinkListener current = listener;
      inbox.execute(() -> current.onClosed(null));
      inbox.shutdown();
    }
    return CompletableFuture.completedFuture(null);
  }
}
