package io.emms.modbus.frame;

import io.emms.core.link.FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Cuts Modbus ASCII frames (':', hex pairs of address, PDU and LRC, CR LF) out of a byte stream.
 *
 * <p>A ':' always starts a new frame, so a frame cut short is dropped as soon as the next one begins. Bytes before
 * a ':', frames with a bad hex digit, a missing CR, a failed LRC or more than 513 characters are discarded and
 * counted.
 *
 * <p>The hex is decoded in place: the binary frame overwrites the consumed characters at the start of the frame,
 * and {@link SerialFrame#pdu()} is a slice there (a read-only input is decoded into a fresh heap buffer instead).
 * Not thread-safe: one decoder per link.
 */
public final class AsciiFrameDecoder implements FrameDecoder<SerialFrame>, FramingStats {

  /** The longest frame: ':' + 2 × (address + 253-byte PDU + LRC) + CR LF. */
  public static final int MAX_FRAME_LENGTH = 1 + 2 * 255 + 2;

  private long frames;
  private long discardedBytes;
  private long lrcErrors;

  @Override
  public SerialFrame decode(ByteBuf in) {
    while (in.isReadable()) {
      int start = in.readerIndex();
      int end = in.writerIndex();
      int colon = in.indexOf(start, end, (byte) ':');
      if (colon < 0) {
        discard(in, end - start);
        return null;
      }
      if (colon > start) {
        discard(in, colon - start);
      }
      int searchEnd = Math.min(end, colon + MAX_FRAME_LENGTH);
      int lf = in.indexOf(colon + 1, searchEnd, (byte) '\n');
      int nextColon = in.indexOf(colon + 1, lf < 0 ? searchEnd : lf, (byte) ':');
      if (nextColon > 0) {
        discard(in, nextColon - colon);
        continue;
      }
      if (lf < 0) {
        if (end - colon >= MAX_FRAME_LENGTH) {
          discard(in, 1);
          continue;
        }
        return null;
      }
      SerialFrame frame = frame(in, colon, lf);
      if (frame != null) {
        return frame;
      }
    }
    return null;
  }

  /** Decodes the frame from ':' at {@code colon} to LF at {@code lf}, consuming it either way. */
  private SerialFrame frame(ByteBuf in, int colon, int lf) {
    int hexLength = lf - 1 - (colon + 1);
    if (in.getByte(lf - 1) != '\r' || hexLength < 6 || (hexLength & 1) != 0) {
      discard(in, lf + 1 - colon);
      return null;
    }
    ByteBuf target = in.isReadOnly() ? Unpooled.wrappedBuffer(new byte[hexLength / 2]) : in;
    int binaryStart = in.isReadOnly() ? 0 : colon;
    int sum = 0;
    for (int i = 0; i < hexLength / 2; i++) {
      int hi = hexValue(in.getByte(colon + 1 + 2 * i));
      int lo = hexValue(in.getByte(colon + 2 + 2 * i));
      if ((hi | lo) < 0) {
        discard(in, lf + 1 - colon);
        return null;
      }
      int b = hi << 4 | lo;
      sum += b;
      // Byte i lands before hex pair i, which has been read already.
      target.setByte(binaryStart + i, b);
    }
    in.skipBytes(lf + 1 - colon);
    if ((sum & 0xFF) != 0) {
      lrcErrors++;
      discardedBytes += lf + 1 - colon;
      return null;
    }
    frames++;
    return new SerialFrame(target.getUnsignedByte(binaryStart), target.slice(binaryStart + 1, hexLength / 2 - 2));
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private void discard(ByteBuf in, int count) {
    discardedBytes += count;
    in.skipBytes(count);
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long discardedBytes() {
    return discardedBytes;
  }

  /** Frames whose LRC did not match. */
  @Override
  public long checksumErrors() {
    return lrcErrors;
  }
}
