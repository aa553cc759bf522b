package io.emms.modbus.frame;

import io.emms.core.link.FrameDecoder;
import io.netty.buffer.ByteBuf;

/**
 * Splits a Modbus TCP stream into MBAP frames, and checks single UDP datagrams ({@link #decodeDatagram}).
 *
 * <p>A header is malformed when its protocol id is not 0 or its length is outside 2..254 (unit id plus a PDU of at
 * most 253 bytes, so at most 260 bytes per frame). On a stream the decoder then slides one byte and looks for the
 * next plausible header; over TCP that means the peer is broken or the stream is out of step, and a connection
 * owner that prefers to close (as most Modbus TCP stacks do) watches {@link #checksumErrors()} or uses {@link
 * ModbusFrameNettyDecoder} with close-on-garbage. Not thread-safe: one decoder per connection.
 */
public final class MbapFrameDecoder implements FrameDecoder<MbapFrame>, FramingStats {

  /** MBAP header length including the unit id. */
  public static final int HEADER_LENGTH = 7;

  /** The largest frame: 7-byte header (with unit id) and a 253-byte PDU. */
  public static final int MAX_FRAME_LENGTH = 260;

  private final MbapFrameView scratch = new MbapFrameView();
  private long frames;
  private long discardedBytes;
  private long malformedHeaders;

  @Override
  public MbapFrame decode(ByteBuf in) {
    return decode(in, scratch) ? scratch.toFrame() : null;
  }

  /**
   * Finds the next frame without allocating: fills {@code frame} with a view of it and moves the reader index past
   * it, or leaves {@code frame} alone when no whole frame is buffered yet.
   *
   * @return whether {@code frame} now holds a frame
   */
  public boolean decode(ByteBuf in, MbapFrameView frame) {
    while (in.readableBytes() >= HEADER_LENGTH) {
      int start = in.readerIndex();
      long header = header(in, start);
      int length = (int) (header >>> 16) & 0xFFFF;
      if ((header & 0xFFFF_0000_0000L) != 0 || length < 2 || length > MAX_FRAME_LENGTH - 6) {
        malformedHeaders++;
        discardedBytes++;
        in.skipBytes(1);
        continue;
      }
      if (in.readableBytes() < 6 + length) {
        return false;
      }
      in.skipBytes(6 + length);
      frames++;
      frame.set(in, start, header, length - 1);
      return true;
    }
    return false;
  }

  /**
   * Transaction id, protocol id, length, unit id and function code as one big-endian long: one read when the function
   * code is buffered (a valid header promises it), else the header alone with function code 0.
   */
  private static long header(ByteBuf in, int start) {
    return in.readableBytes() > HEADER_LENGTH
        ? in.getLong(start)
        : (long) in.getInt(start) << 32 | (long) in.getUnsignedMedium(start + 4) << 8;
  }

  /**
   * Checks one UDP datagram, which must hold exactly one MBAP frame.
   *
   * @return the frame, a view of {@code datagram} (whose indices are not moved), or {@code null} if the datagram is
   *     malformed (counted)
   */
  public MbapFrame decodeDatagram(ByteBuf datagram) {
    return decodeDatagram(datagram, scratch) ? scratch.toFrame() : null;
  }

  /** {@link #decodeDatagram(ByteBuf)} without allocating: fills {@code frame}; indices are not moved. */
  public boolean decodeDatagram(ByteBuf datagram, MbapFrameView frame) {
    int start = datagram.readerIndex();
    int size = datagram.readableBytes();
    if (size < HEADER_LENGTH + 1
        || size > MAX_FRAME_LENGTH
        || datagram.getUnsignedShort(start + 2) != 0
        || datagram.getUnsignedShort(start + 4) != size - 6) {
      malformedHeaders++;
      discardedBytes += size;
      return false;
    }
    frames++;
    frame.set(datagram, start, datagram.getLong(start), size - HEADER_LENGTH);
    return true;
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long discardedBytes() {
    return discardedBytes;
  }

  /** Malformed MBAP headers (bad protocol id or length) seen. */
  @Override
  public long checksumErrors() {
    return malformedHeaders;
  }
}
