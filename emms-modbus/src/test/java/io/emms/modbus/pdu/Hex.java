package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hex helpers for golden vectors; the buffers are unpooled heap views that need no release. */
public final class Hex {

  private Hex() {}

  /** Bytes from hex with optional spaces, e.g. {@code "03 00 6B"}. */
  public static byte[] bytes(String hex) {
    return ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
  }

  public static ByteBuf buf(String hex) {
    return Unpooled.wrappedBuffer(bytes(hex));
  }

  /** Uppercase hex with single spaces, e.g. {@code "03 00 6B"}. */
  public static String of(ByteBuf buf) {
    StringBuilder sb = new StringBuilder();
    for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02X", buf.getUnsignedByte(i)));
    }
    return sb.toString();
  }

  /** The ASCII bytes of {@code text} as hex, for ASCII-framed vectors. */
  public static String ascii(String text) {
    return of(Unpooled.wrappedBuffer(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }
}
