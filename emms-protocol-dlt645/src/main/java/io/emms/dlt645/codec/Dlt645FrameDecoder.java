package io.emms.dlt645.codec;

import io.emms.core.link.DecoderCounters;
import io.emms.core.link.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Finds DL/T 645 frames in a byte stream: {@code [FE…] 68 A0..A5 68 C L DATA CS 16}.
 *
 * <p>Skips wake-up {@code FE} bytes and garbage before a {@code 68}. A candidate start is rejected when the second
 * {@code 68} is missing, L exceeds {@link Dlt645CodecConfig#maxDataLength()}, the checksum or the {@code 16} end
 * byte is wrong, or, while the candidate is still incomplete, a complete valid frame already starts after it (a
 * stray {@code 68} in noise must not hold back the reply behind it). A rejected start costs exactly one byte, so
 * a good frame that begins inside it is still found. Never throws.
 *
 * <p>On success DATA is un-offset (−33H) in place in the input, and the returned frame is a reused view (see
 * {@link Dlt645Frame}): decoding allocates nothing. A read-only input is the exception: its DATA is copied.
 * Not thread-safe; one decoder per stream.
 */
public final class Dlt645FrameDecoder implements FrameDecoder<Dlt645Frame>, DecoderCounters {

  static final int START = 0x68;
  static final int END = 0x16;
  static final int WAKE_UP = 0xFE;
  static final int DATA_OFFSET = 0x33;
  /** 68, address, 68, C, L. */
  static final int HEADER_LENGTH = 10;
  /** Header plus CS and end byte. */
  static final int OVERHEAD = 12;

  private final int maxDataLength;
  private final Dlt645Frame view = new Dlt645Frame();
  private long droppedBytes;
  private long badFrames;

  public Dlt645FrameDecoder() {
    this(Dlt645CodecConfig.DEFAULT);
  }

  public Dlt645FrameDecoder(Dlt645CodecConfig config) {
    this.maxDataLength = config.maxDataLength();
  }

  @Override
  public Dlt645Frame decode(ByteBuf in) {
    while (true) {
      int start = skipToStart(in);
      if (start < 0) {
        return null;
      }
      int end = in.writerIndex();
      Candidate verdict = check(in, start, end);
      if (verdict == Candidate.INCOMPLETE) {
        if (!validFrameFollows(in, start + 1, end)) {
          return null;
        }
        verdict = Candidate.FALSE_START;
      }
      if (verdict == Candidate.VALID) {
        return accept(in, start);
      }
      if (verdict == Candidate.BAD_FRAME) {
        badFrames++;
      }
      droppedBytes++;
      in.readerIndex(start + 1);
    }
  }

  /** Moves the reader index to the next 68 and returns it, or consumes everything and returns -1. */
  private int skipToStart(ByteBuf in) {
    int end = in.writerIndex();
    for (int i = in.readerIndex(); i < end; i++) {
      int b = in.getUnsignedByte(i);
      if (b == START) {
        in.readerIndex(i);
        return i;
      }
      if (b != WAKE_UP) {
        droppedBytes++;
      }
    }
    in.readerIndex(end);
    return -1;
  }

  private enum Candidate { VALID, INCOMPLETE, FALSE_START, BAD_FRAME }

  private Candidate check(ByteBuf in, int start, int end) {
    int available = end - start;
    if (available > 7 && in.getUnsignedByte(start + 7) != START) {
      return Candidate.FALSE_START;
    }
    if (available < HEADER_LENGTH) {
      return Candidate.INCOMPLETE;
    }
    int length = in.getUnsignedByte(start + 9);
    if (length > maxDataLength) {
      return Candidate.FALSE_START;
    }
    if (available < OVERHEAD + length) {
      return Candidate.INCOMPLETE;
    }
    int csIndex = start + HEADER_LENGTH + length;
    if (checksum(in, start, csIndex) != in.getUnsignedByte(csIndex) || in.getUnsignedByte(csIndex + 1) != END) {
      return Candidate.BAD_FRAME;
    }
    return Candidate.VALID;
  }

  private boolean validFrameFollows(ByteBuf in, int from, int end) {
    for (int i = from; i < end; i++) {
      if (in.getUnsignedByte(i) == START && check(in, i, end) == Candidate.VALID) {
        return true;
      }
    }
    return false;
  }

  /** Sum of the bytes in [from, to) mod 256. */
  static int checksum(ByteBuf buf, int from, int to) {
    if (buf.hasArray()) {
      byte[] array = buf.array();
      int offset = buf.arrayOffset();
      int sum = 0;
      for (int i = from + offset; i < to + offset; i++) {
        sum += array[i];
      }
      return sum & 0xFF;
    }
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += buf.getByte(i);
    }
    return sum & 0xFF;
  }

  private Dlt645Frame accept(ByteBuf in, int start) {
    long address = Dlt645Address.readRaw(in, start + 1);
    int control = in.getUnsignedByte(start + 8);
    int length = in.getUnsignedByte(start + 9);
    int dataIndex = start + HEADER_LENGTH;
    in.readerIndex(start + OVERHEAD + length);
    if (in.isReadOnly()) {
      byte[] copy = new byte[length];
      for (int i = 0; i < length; i++) {
        copy[i] = (byte) (in.getByte(dataIndex + i) - DATA_OFFSET);
      }
      view.set(address, control, Unpooled.wrappedBuffer(copy), 0, length);
    } else {
      removeOffset(in, dataIndex, length);
      view.set(address, control, in, dataIndex, length);
    }
    return view;
  }

  private static void removeOffset(ByteBuf in, int index, int length) {
    // Heap buffers (the usual cumulation) take the array path, which skips Netty's per-byte bounds checks.
    if (in.hasArray()) {
      byte[] array = in.array();
      int from = in.arrayOffset() + index;
      for (int i = from; i < from + length; i++) {
        array[i] -= DATA_OFFSET;
      }
    } else {
      for (int i = index; i < index + length; i++) {
        in.setByte(i, in.getByte(i) - DATA_OFFSET);
      }
    }
  }

  /** Bytes skipped while hunting for a frame, other than {@code FE} wake-up bytes. */
  public long droppedBytes() {
    return droppedBytes;
  }

  /** Candidates with a plausible header whose checksum or end byte was wrong. */
  public long badFrames() {
    return badFrames;
  }

  @Override
  public long discardedBytes() {
    return droppedBytes;
  }

  @Override
  public long checksumErrors() {
    return badFrames;
  }
}
