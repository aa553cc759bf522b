package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Data identifiers (DI) as ints: 2007 {@code DI3 DI2 DI1 DI0} is {@code 0xDI3DI2DI1DI0} (e.g. {@code 0x00010000}),
 * 1997 {@code DI1 DI0} is {@code 0xDI1DI0} (e.g. {@code 0xB611}). On the wire DI0 comes first.
 */
public final class Dlt645DataId {

  private Dlt645DataId() {}

  /** Reads a plain (offset-free) DI at an absolute index without moving the reader index. */
  public static int read(ByteBuf plainData, int index, Dlt645Edition edition) {
    int di = 0;
    for (int i = edition.diLength() - 1; i >= 0; i--) {
      di = (di << 8) | plainData.getUnsignedByte(index + i);
    }
    return di;
  }

  /** Writes a plain DI, DI0 first. */
  public static void write(int di, Dlt645Edition edition, ByteBuf out) {
    for (int i = 0; i < edition.diLength(); i++) {
      out.writeByte(di >>> (8 * i));
    }
  }

  /** The DI as a person writes it: {@code 00010000} or {@code B611}. */
  public static String format(int di, Dlt645Edition edition) {
    String hex = Integer.toHexString(di).toUpperCase(Locale.ROOT);
    int digits = 2 * edition.diLength();
    return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
  }

  /**
   * Parses {@code 00010000} / {@code B611}.
   *
   * @throws IllegalArgumentException unless the text has the edition's number of hex digits
   */
  public static int parse(String text, Dlt645Edition edition) {
    if (text.length() != 2 * edition.diLength()) {
      throw new IllegalArgumentException("a " + edition + " DI has " + 2 * edition.diLength() + " hex digits: " + text);
    }
    return HexFormat.fromHexDigits(text);
  }
}
