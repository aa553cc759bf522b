package io.emms.simulator;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;

/** A link that, while noisy, puts garbage on the wire before every frame written through it. */
final class NoisyLink implements Link {

  private final Link link;
  private final byte[] noise;
  private volatile boolean noisy;

  NoisyLink(Link link, String noiseHex) {
    this.link = link;
    this.noise = ByteBufUtil.decodeHexDump(noiseHex.replace(" ", ""));
  }

  void noisy(boolean on) {
    noisy = on;
  }

  @Override
  public String name() {
    return link.name();
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
    return link.write(noisy ? Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(noise), data) : data);
  }

  @Override
  public void setListener(LinkListener listener) {
    link.setListener(listener);
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    return link.closeAsync();
  }
}
