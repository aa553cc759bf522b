package io.emms.dlt645.client;

import java.math.BigDecimal;

/** Hand decoding of packed BCD in tests, so that assertions do not rely on the code under test. */
final class Bcd {

  private Bcd() {}

  /** Unsigned BCD, low byte first, with {@code decimals} decimals. */
  static BigDecimal value(byte[] bytes, int from, int length, int decimals) {
    StringBuilder digits = new StringBuilder();
    for (int i = from + length - 1; i >= from; i--) {
      digits.append(String.format("%02X", bytes[i]));
    }
    return new BigDecimal(digits.toString()).movePointLeft(decimals);
  }

  static BigDecimal value(byte[] bytes, int decimals) {
    return value(bytes, 0, bytes.length, decimals);
  }

  /** Spaced upper-case hex. */
  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", b));
    }
    return s.toString();
  }
}
