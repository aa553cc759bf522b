package io.emms.core.link;

import io.netty.buffer.ByteBuf;

/** Receives what a {@link Link} reads, and its state changes. Called from the link's I/O thread: do not block. */
public interface LinkListener {

  /**
   * Bytes arrived. The buffer belongs to the link and is valid only during the call: the link releases it after
   * the call returns, so a listener that keeps bytes copies them or calls {@code retain()}.
   */
  void onData(ByteBuf data);

  /** The link is open (also after an automatic reconnect). */
  default void onOpen() {}

  /**
   * The link closed or dropped.
   *
   * @param cause why, or {@code null} for a requested close
   */
  default void onClosed(Throwable cause) {}
}
