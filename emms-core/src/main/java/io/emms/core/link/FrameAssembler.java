package io.emms.core.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns the pieces a {@link Link} delivers into whole frames, with one reusable buffer per link.
 *
 * <p>Frames handed to the consumer may be slices of that buffer: they are valid only during the callback, so
 * the consumer decodes them at once (the cheap path) or copies what it keeps. Not thread-safe: one assembler
 * per link, fed from the link's I/O thread.
 *
 * @param <F> the frame type
 */
public final class FrameAssembler<F> implements LinkListener, AutoCloseable {

  private static final int INITIAL_CAPACITY = 512;

  private final FrameDecoder<F> decoder;
  private final Consumer<? super F> frames;
  private final LinkListener stateListener;
  private final ByteBufAllocator allocator;
  private ByteBuf cumulation;

  /**
   * @param decoder the protocol's frame decoder
   * @param frames receives each decoded frame
   * @param stateListener receives {@link #onOpen()} and {@link #onClosed(Throwable)}; its {@code onData} is unused
   */
  public FrameAssembler(FrameDecoder<F> decoder, Consumer<? super F> frames, LinkListener stateListener) {
    this(decoder, frames, stateListener, ByteBufAllocator.DEFAULT);
  }

  public FrameAssembler(
      FrameDecoder<F> decoder, Consumer<? super F> frames, LinkListener stateListener, ByteBufAllocator allocator) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.stateListener = Objects.requireNonNull(stateListener, "stateListener");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
  }

  @Override
  public void onData(ByteBuf data) {
    if (cumulation == null) {
      cumulation = allocator.buffer(Math.max(INITIAL_CAPACITY, data.readableBytes()));
    }
    cumulation.writeBytes(data, data.readerIndex(), data.readableBytes());
    drain();
  }

  private void drain() {
    while (cumulation.isReadable()) {
      int before = cumulation.readerIndex();
      F frame = decoder.decode(cumulation);
      if (frame != null) {
        frames.accept(frame);
      } else if (cumulation.readerIndex() == before) {
        break;
      }
    }
    if (cumulation.isReadable()) {
      cumulation.discardSomeReadBytes();
    } else {
      cumulation.clear();
    }
  }

  /** Drops any partial frame, e.g. after a response timeout, so that stale bytes cannot prefix the next reply. */
  public void reset() {
    if (cumulation != null) {
      cumulation.clear();
    }
  }

  /** Bytes held that do not yet form a frame. */
  public int pendingBytes() {
    return cumulation == null ? 0 : cumulation.readableBytes();
  }

  @Override
  public void onOpen() {
    stateListener.onOpen();
  }

  @Override
  public void onClosed(Throwable cause) {
    reset();
    stateListener.onClosed(cause);
  }

  /** Releases the buffer. */
  @Override
  public void close() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
