package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How the id bytes of a registration packet become the DTU's id. */
public enum DtuIdFormat {
  /** The bytes are text (a configured name, an IMEI or ICCID in digits). */
  ASCII,
  /** The bytes are binary (a MAC address, a packed IMEI): the id is their upper-case hex digits. */
  HEX;

  /** The id of the {@code length} bytes at {@code index}. */
  public String decode(ByteBuf in, int index, int length) {
    return this == ASCII
        ? in.toString(index, length, StandardCharsets.US_ASCII)
        : ByteBufUtil.hexDump(in, index, length).toUpperCase(Locale.ROOT);
  }

  /** The bytes that carry {@code id}; the inverse of {@link #decode}. */
  public byte[] encode(String id) {
    return this == ASCII ? id.getBytes(StandardCharsets.US_ASCII) : ByteBufUtil.decodeHexDump(id);
  }
}
