package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;

/**
 * Writes DL/T 645 frames: optional {@code FE} wake-up bytes, header, DATA +33H, checksum and end byte.
 * Stateless apart from its configuration, so one instance may be shared.
 */
public final class Dlt645FrameEncoder {

  private static final int MAX_DATA_LENGTH = 255;

  private final int wakeUpBytes;

  public Dlt645FrameEncoder() {
    this(Dlt645CodecConfig.DEFAULT);
  }

  public Dlt645FrameEncoder(Dlt645CodecConfig config) {
    this.wakeUpBytes = config.wakeUpBytes();
  }

  /**
   * Appends one frame to {@code out}.
   *
   * @param control the control byte (see {@link Dlt645Control})
   * @param plainData DATA without the offset, its readable bytes; neither its indices nor its reference count change
   * @throws IllegalArgumentException if DATA is longer than 255 bytes or control is not a byte
   */
  public void encode(Dlt645Address address, int control, ByteBuf plainData, ByteBuf out) {
    int length = plainData.readableBytes();
    if (length > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("DATA is " + length + " bytes, at most 255 fit in a frame");
    }
    if ((control & ~0xFF) != 0) {
      throw new IllegalArgumentException("control must be one byte: " + control);
    }
    for (int i = 0; i < wakeUpBytes; i++) {
      out.writeByte(Dlt645FrameDecoder.WAKE_UP);
    }
    int start = out.writerIndex();
    out.writeByte(Dlt645FrameDecoder.START);
    address.writeTo(out);
    out.writeByte(Dlt645FrameDecoder.START);
    out.writeByte(control);
    out.writeByte(length);
    int from = plainData.readerIndex();
    for (int i = 0; i < length; i++) {
      out.writeByte(plainData.getByte(from + i) + Dlt645FrameDecoder.DATA_OFFSET);
    }
    out.writeByte(Dlt645FrameDecoder.checksum(out, start, out.writerIndex()));
    out.writeByte(Dlt645FrameDecoder.END);
  }

  /** Bytes {@link #encode} appends for DATA of this length. */
  public int encodedLength(int dataLength) {
    return wakeUpBytes + Dlt645FrameDecoder.OVERHEAD + dataLength;
  }
}
