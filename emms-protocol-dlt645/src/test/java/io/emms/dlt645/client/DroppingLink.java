package io.emms.dlt645.client;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A link some of whose writes are lost on the wire (they "succeed" but never arrive). */
final class DroppingLink implements Link {

  private final Link delegate;
  private final Set<Integer> lost;
  private final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();

  /** Loses the first {@code n} writes. */
  DroppingLink(Link delegate, int n) {
    this(delegate, IntStream.range(0, n).boxed().collect(Collectors.toSet()));
  }

  /** Loses the writes with these 0-based numbers. */
  DroppingLink(Link delegate, Set<Integer> lost) {
    this.delegate = delegate;
    this.lost = Set.copyOf(lost);
  }

  @Override
  public String name() {
    return "dropping:" + delegate.name();
  }

  @Override
  public CompletableFuture<Void> open() {
    return delegate.open();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    if (lost.contains(writes.getAndIncrement())) {
      dropped.incrementAndGet();
      data.release();
      return CompletableFuture.completedFuture(null);
    }
    return delegate.write(data);
  }

  @Override
  public void setListener(LinkListener listener) {
    delegate.setListener(listener);
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    return delegate.closeAsync();
  }
}
