package io.emms.modbus.frame;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.FrameDecoder;
import io.emms.modbus.pdu.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Cuts Modbus RTU frames out of a byte stream: serial lines and RTU over TCP.
 *
 * <p>Frames are found by predicting their length from the function code and byte-count fields, so the decoder
 * works on streams that have no timing (RTU over TCP, USB adapters that batch bytes). A candidate whose CRC fails
 * costs one byte: the decoder slides one byte, counts it, and while out of step also looks ahead for a whole valid
 * frame later in the buffer. Frames of function codes it does not know are garbage unless listed as custom codes,
 * whose end is then found by CRC.
 *
 * <p>On a serial line the link owner also reports silence: when the line has been idle for 3.5 character times
 * ({@link RtuTiming#interFrameDelayNanos}), it calls {@link #lineIdle(FrameAssembler)}, which ends whatever is
 * pending: a frame that checks out is delivered, anything else is discarded, so a broken frame cannot swallow the
 * start of the next one.
 *
 * <p>Not thread-safe: one decoder per link, driven from the link's I/O thread (also for {@code lineIdle}).
 */
public final class RtuFrameDecoder implements FrameDecoder<SerialFrame>, FramingStats {

  private static final int MIN_FRAME = 4;

  private final RtuFrameLength lengths;
  private boolean idle;
  private boolean outOfStep;
  private long frames;
  private long discardedBytes;
  private long crcErrors;

  /** A decoder for frames travelling in {@code direction}, knowing only the public function codes. */
  public RtuFrameDecoder(Direction direction) {
    this(direction, fc -> false);
  }

  /**
   * @param direction requests (a server's decoder) or responses (a client's)
   * @param customFunctionCodes function codes without a standard layout to accept; their end is found by CRC
   */
  public RtuFrameDecoder(Direction direction, IntPredicate customFunctionCodes) {
    this.lengths = new RtuFrameLength(
        Objects.requireNonNull(direction, "direction"), Objects.requireNonNull(customFunctionCodes, "custom"));
  }

  @Override
  public SerialFrame decode(ByteBuf in) {
    while (in.readableBytes() >= (idle ? 1 : MIN_FRAME)) {
      int start = in.readerIndex();
      int available = in.readableBytes();
      int length = lengths.predict(in, start, available);
      if (length == RtuFrameLength.INVALID) {
        slide(in);
        continue;
      }
      int end = length == RtuFrameLength.NEED_MORE ? -1 : frameEnd(in, start, available, length);
      if (end > 0) {
        outOfStep = false;
        return take(in, start, end);
      }
      if (end == 0) {
        crcErrors++;
        slide(in);
        continue;
      }
      SerialFrame later = outOfStep || idle ? lookAhead(in, start, available) : null;
      if (later != null || !idle) {
        return later;
      }
      // The line went quiet with an incomplete frame pending: it can never complete.
      discardedBytes += available;
      in.skipBytes(available);
    }
    return null;
  }

  /** The frame length if the frame is complete and valid, 0 if it is complete and fails, -1 if bytes are missing. */
  private static int frameEnd(ByteBuf in, int start, int available, int length) {
    if ((length & RtuFrameLength.SCAN) == 0) {
      if (length > available) {
        return -1;
      }
      return Crc16.matches(in, start, length) ? length : 0;
    }
    int limit = Math.min(available, RtuFrameLength.MAX_ADU);
    for (int n = length & ~RtuFrameLength.SCAN; n <= limit; n++) {
      if (Crc16.matches(in, start, n)) {
        return n;
      }
    }
    return available >= RtuFrameLength.MAX_ADU ? 0 : -1;
  }

  /** Out of step: finds the first whole valid frame after {@code start}; what precedes it is garbage. */
  private SerialFrame lookAhead(ByteBuf in, int start, int available) {
    for (int offset = 1; offset <= available - MIN_FRAME; offset++) {
      int length = lengths.predict(in, start + offset, available - offset);
      if (length > 0 && (length & RtuFrameLength.SCAN) == 0 && length <= available - offset
          && Crc16.matches(in, start + offset, length)) {
        discardedBytes += offset;
        in.skipBytes(offset);
        outOfStep = false;
        return take(in, start + offset, length);
      }
    }
    return null;
  }

  private SerialFrame take(ByteBuf in, int start, int length) {
    in.skipBytes(length);
    frames++;
    return new SerialFrame(in.getUnsignedByte(start), in.slice(start + 1, length - 3));
  }

  private void slide(ByteBuf in) {
    outOfStep = true;
    discardedBytes++;
    in.skipBytes(1);
  }

  /**
   * Reports that the line has been silent for 3.5 character times: the bytes pending in {@code assembler} (which
   * must be the assembler feeding this decoder) are the end of a transmission. Complete frames among them are
   * delivered as usual; whatever remains cannot become a frame and is discarded and counted.
   */
  public void lineIdle(FrameAssembler<?> assembler) {
    idle = true;
    try {
      assembler.onData(Unpooled.EMPTY_BUFFER);
    } finally {
      idle = false;
    }
  }

  /**
   * Ends the pending bytes in a buffer the caller drives itself (for example a Netty cumulation on an idle event):
   * decodes the frames in {@code in} and then discards what remains.
   *
   * @param frames receives each frame, valid only during the call
   */
  public void lineIdle(ByteBuf in, java.util.function.Consumer<? super SerialFrame> frames) {
    idle = true;
    try {
      SerialFrame frame;
      while ((frame = decode(in)) != null) {
        frames.accept(frame);
      }
    } finally {
      idle = false;
    }
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long discardedBytes() {
    return discardedBytes;
  }

  /** Candidate frames whose CRC did not match. */
  @Override
  public long checksumErrors() {
    return crcErrors;
  }
}
