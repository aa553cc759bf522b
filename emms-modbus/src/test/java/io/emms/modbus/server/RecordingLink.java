package io.emms.modbus.server;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A link driven by the test thread: {@link #deliver} feeds the listener, writes are recorded as hex and released. */
final class RecordingLink implements Link {

  final List<String> written = new ArrayList<>();
  private LinkListener listener;

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public CompletableFuture<Void> open() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    try {
      written.add(ByteBufUtil.hexDump(data));
    } finally {
      data.release();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = listener;
  }

  /** Delivers {@code data} as one read and releases it, as a transport does. */
  void deliver(ByteBuf data) {
    try {
      listener.onData(data);
    } finally {
      data.release();
    }
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    listener.onClosed(null);
    return CompletableFuture.completedFuture(null);
  }
}
