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

  private long frames;
  private long discardedBytes;
  private long malformedHeaders;
  /** The header of the frame {@link #next} or {@link #checkDatagram} found last. */
  private long header;

  @Override
  public MbapFrame decode(ByteBuf in) {
    int start = next(in);
    return start < 0 ? null : record(in, start);
  }

  /**
   * Finds the next frame without allocating: fills {@code frame} with a view of it and moves the reader index past
   * it, or leaves {@code frame} alone when no whole frame is buffered yet.
   *
   * @return whether {@code frame} now holds a frame
   */
  public boolean decode(ByteBuf in, MbapFrameView frame) {
    int start = next(in);
    if (start < 0) {
      return false;
    }
    frame.set(in, start, header, pduLength(header));
    return true;
  }

  /**
   * Moves the reader index past the next whole frame and returns where it starts, its header in {@link #header};
   * or returns -1, having skipped only malformed header bytes.
   */
  private int next(ByteBuf in) {
    int start = in.readerIndex();
    int readable = in.writerIndex() - start;
    while (readable >= HEADER_LENGTH) {
      long h = header(in, start, readable);
      int length = (int) (h >>> 16) & 0xFFFF;
      if ((h & 0xFFFF_0000_0000L) != 0 || length < 2 || length > MAX_FRAME_LENGTH - 6) {
        malformedHeaders++;
        discardedBytes++;
        start++;
        readable--;
        in.readerIndex(start);
        continue;
      }
      if (readable < 6 + length) {
        return -1;
      }
      in.readerIndex(start + 6 + length);
      frames++;
      header = h;
      return start;
    }
    return -1;
  }

  /** The frame {@link #header} describes, at {@code start} in {@code buf}, as a record with a PDU slice. */
  private MbapFrame record(ByteBuf buf, int start) {
    return new MbapFrame((int) (header >>> 48), (int) (header >>> 8) & 0xFF,
        buf.slice(start + HEADER_LENGTH, pduLength(header)));
  }

  private static int pduLength(long header) {
    return ((int) (header >>> 16) & 0xFFFF) - 1;
  }

  /**
   * Transaction id, protocol id, length, unit id and function code as one big-endian long: one read when the function
   * code is buffered (a valid header promises it), else the header alone with function code 0.
   */
  private static long header(ByteBuf in, int start, int readable) {
    return readable > HEADER_LENGTH
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
    return checkDatagram(datagram) ? record(datagram, datagram.readerIndex()) : null;
  }

  /** {@link #decodeDatagram(ByteBuf)} without allocating: fills {@code frame}; indices are not moved. */
  public boolean decodeDatagram(ByteBuf datagram, MbapFrameView frame) {
    if (!checkDatagram(datagram)) {
      return false;
    }
    frame.set(datagram, datagram.readerIndex(), header, pduLength(header));
    return true;
  }

  /** Whether the datagram is exactly one frame (its header then in {@link #header}); counts it either way. */
  private boolean checkDatagram(ByteBuf datagram) {
    int size = datagram.readableBytes();
    long h = size > HEADER_LENGTH ? datagram.getLong(datagram.readerIndex()) : 0;
    if (size <= HEADER_LENGTH || size > MAX_FRAME_LENGTH || (h & 0xFFFF_FFFF_0000L) != (long) (size - 6) << 16) {
      malformedHeaders++;
      discardedBytes += size;
      return false;
    }
    frames++;
    header = h;
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
