package io.emms.dlt645.client;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A link whose first {@code n} writes are lost on the wire (they "succeed" but never arrive). */
final class DroppingLink implements Link {

  private final Link delegate;
  private final AtomicInteger toDrop;
  final AtomicInteger dropped = new AtomicInteger();

  DroppingLink(Link delegate, int n) {
    this.delegate = delegate;
    this.toDrop = new AtomicInteger(n);
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
    if (toDrop.getAndDecrement() > 0) {
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
