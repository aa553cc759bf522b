package io.emms.transport.dtu.internal;

import io.netty.buffer.ByteBuf;

/** Where a registered connection's protocol bytes go, and the news of its end. Called on its event loop. */
public interface ConnectionSink {

  /** Protocol bytes, in-band packets taken out; the sink owns {@code data} and releases it. */
  void data(ByteBuf data);

  /** The connection is gone; {@code cause} is the error for {@link ConnectionEnd#FAILED}, else {@code null}. */
  void ended(ConnectionEnd end, Throwable cause);
}
