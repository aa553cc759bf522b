package io.emms.modbus.frame;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.FrameDecoder;
import io.emms.modbus.pdu.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Cuts Modbus RTU frames out of a byte stream: serial lines and RTU over TCP.
 *
 * <p>Frames are found by predicting their length from the function code and byte-count fields, so the decoder
 * works on streams that have no timing (RTU over TCP, USB adapters that batch bytes). A candidate whose CRC fails
 * costs one byte: the decoder slides one byte, counts it, and while out of step also looks ahead for a whole valid
 * frame later in the buffer. Frames of function codes it does not know are garbage unless listed as custom codes.
 * Frames without a length field (custom codes, diagnostics sub-function 00 "return query data") end where the CRC
 * first matches; while out of step such a frame is only accepted as the last bytes buffered, because a CRC scan
 * through garbage matches falsely too often (1 in 65536 per length tried).
 *
 * <p>On a serial line the link owner also reports silence: when the line has been idle for 3.5 character times
 * ({@link RtuTiming#interFrameDelayNanos}), it calls {@link #lineIdle(FrameAssembler)}, which ends whatever is
 * pending: a frame that checks out is delivered, anything else is discarded, so a broken frame cannot swallow the
 * start of the next one. The Modbus client and server do this in RTU mode after a configurable gap
 * ({@code rtuIdleGap}, 20 ms by default).
 *
 * <p>Not thread-safe: one decoder per link, driven by one thread at a time, e.g. the link's I/O thread and, for
 * {@code lineIdle}, a timer that takes the same lock.
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
      int end = length == RtuFrameLength.NEED_MORE ? -1 : frameEnd(in, start, available, length, outOfStep);
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

  /**
   * The frame length if the frame is complete and valid, 0 if it is complete and fails, -1 if bytes are missing.
   *
   * <p>A frame without a length field is found by CRC. Every length tried is a 1 in 65536 chance of a false match,
   * which is acceptable in step but not while hunting through garbage: then ({@code strict}) the only length tried
   * is "everything buffered", i.e. the frame must be the last thing that arrived.
   */
  private static int frameEnd(ByteBuf in, int start, int available, int length, boolean strict) {
    if ((length & RtuFrameLength.SCAN) == 0) {
      if (length > available) {
        return -1;
      }
      return Crc16.matches(in, start, length) ? length : 0;
    }
    if (strict) {
      int min = length & ~RtuFrameLength.SCAN;
      if (available < min || available > RtuFrameLength.MAX_ADU) {
        return available < min ? -1 : 0;
      }
      return Crc16.matches(in, start, available) ? available : 0;
    }
    int limit = Math.min(available, RtuFrameLength.MAX_ADU);
    int n = length & ~RtuFrameLength.SCAN;
    if (n <= limit) {
      // One running CRC over the growing candidate keeps the scan linear.
      int crc = Crc16.compute(in, start, n - 2);
      for (; n <= limit; n++) {
        if (crc == (in.getUnsignedByte(start + n - 2) | in.getUnsignedByte(start + n - 1) << 8)) {
          return n;
        }
        crc = Crc16.update(crc, in.getByte(start + n - 2));
      }
    }
    return available >= RtuFrameLength.MAX_ADU ? 0 : -1;
  }

  /** Out of step: finds the first whole valid frame after {@code start}; what precedes it is garbage. */
  private SerialFrame lookAhead(ByteBuf in, int start, int available) {
    for (int offset = 1; offset <= available - MIN_FRAME; offset++) {
      int length = lengths.predict(in, start + offset, available - offset);
      int end = length > 0 ? frameEnd(in, start + offset, available - offset, length, true) : -1;
      if (end > 0) {
        discardedBytes += offset;
        in.skipBytes(offset);
        outOfStep = false;
        return take(in, start + offset, end);
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
  public void lineIdle(ByteBuf in, Consumer<? super SerialFrame> frames) {
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
