package io.emms.dlt645.simulator.internal;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.netty.buffer.ByteBuf;

/** Reads the few BCD fields a simulated meter finds in requests (passwords, times, counts). */
public final class BcdReader {

  private BcdReader() {}

  /** The BCD value of {@code bytes} bytes at {@code index}, low byte first, or -1 when a nibble is not a digit. */
  public static long unsigned(ByteBuf in, int index, int bytes) {
    return Dlt645Bcd.readUnsigned(in, index, bytes);
  }

  /** Six hex digits of {@code P2 P1 P0} as a person writes a password, from the low-first bytes at {@code index}. */
  public static String digits(ByteBuf in, int index, int bytes) {
    StringBuilder s = new StringBuilder(2 * bytes);
    for (int i = bytes - 1; i >= 0; i--) {
      s.append(String.format("%02X", in.getUnsignedByte(index + i)));
    }
    return s.toString();
  }
}
