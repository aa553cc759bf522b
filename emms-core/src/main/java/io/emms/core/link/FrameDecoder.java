package io.emms.core.link;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Splits a byte stream into protocol frames. Implemented by protocol codecs and driven by a
 * {@link FrameAssembler} (or by a Netty handler that wraps the same decoder).
 *
 * @param <F> the frame type; frames may be views (slices) of the input and are valid only until the input changes
 */
public interface FrameDecoder<F> {

  /**
   * Decodes at most one frame from {@code in}, starting at its reader index.
   *
   * <p>Contract: never throws on bad input. Garbage before a frame and frames that fail their checks are
   * skipped by advancing the reader index (and may be counted). Returns {@code null} and leaves the reader index
   * where the next attempt must start when more bytes are needed. A call that returns {@code null} without
   * advancing the reader index means "wait for more bytes".
   */
  F decode(ByteBuf in);

  /**
   * The line has been silent for the framing's gap while {@code in} holds bytes that form no frame yet. Framings
   * that silence delimits (Modbus RTU) end those bytes here, handing a frame to {@code frames} or dropping them as
   * garbage; the others wait for more bytes, which is the default.
   */
  default void lineIdle(ByteBuf in, Consumer<? super F> frames) {}
}
