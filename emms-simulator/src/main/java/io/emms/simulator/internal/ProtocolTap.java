package io.emms.simulator.internal;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One protocol's view of a shared link: it receives every byte the link receives (each protocol's decoder skips
 * the others' frames as garbage) and writes through the link, except replies that {@code silenced} says come from
 * an unplugged meter. Closing the view only detaches it; the link belongs to whoever created it.
 */
public final class ProtocolTap implements Link {

  private static final LinkListener NOBODY = data -> {};

  private final Link link;
  private final String protocol;
  private final Predicate<ByteBuf> silenced;
  private volatile LinkListener listener = NOBODY;

  public ProtocolTap(Link link, String protocol, Predicate<ByteBuf> silenced) {
    this.link = link;
    this.protocol = protocol;
    this.silenced = silenced;
  }

  /** The listener this view's protocol set, to be fed by the link's one listener. */
  public LinkListener listener() {
    return listener;
  }

  @Override
  public String name() {
    return link.name() + "#" + protocol;
  }

  @Override
  public CompletableFuture<Void> open() {
    return link.open();
  }

  @Override
  public boolean isOpen() {
    return link.isOpen();
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    if (silenced.test(data)) {
      data.release();
      return CompletableFuture.completedFuture(null);
    }
    return link.write(data);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = listener;
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    listener = NOBODY;
    return CompletableFuture.completedFuture(null);
  }
}
