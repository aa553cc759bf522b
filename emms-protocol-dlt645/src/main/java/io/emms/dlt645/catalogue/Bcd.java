package io.emms.dlt645.catalogue;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Packed BCD, low byte first, with the sign-magnitude top bit; exact, never through floating point. */
final class Bcd {

  static final int FILL = 0xFF;
  private static final int SIGN = 0x80;

  private Bcd() {}

  /** A BCD number, or {@link Dlt645Value.Missing} for {@code FF} fill and invalid digits. */
  static Dlt645Value decimal(ByteBuf buf, int index, DataFormat.Numeric format, boolean signed) {
    int length = format.length();
    long unscaled = 0;
    boolean fill = true;
    boolean invalid = false;
    boolean negative = false;
    for (int i = length - 1; i >= 0; i--) {
      int b = buf.getUnsignedByte(index + i);
      fill &= b == FILL;
      if (signed && i == length - 1) {
        negative = (b & SIGN) != 0;
        b &= ~SIGN;
      }
      invalid |= (b >> 4) > 9 || (b & 0xF) > 9;
      unscaled = unscaled * 100 + (b >> 4) * 10 + (b & 0xF);
    }
    if (fill) {
      return Dlt645Value.Missing.NO_DATA;
    }
    if (invalid) {
      return Dlt645Value.Missing.INVALID;
    }
    return new Dlt645Value.Decimal(BigDecimal.valueOf(negative ? -unscaled : unscaled, format.decimals()));
  }

  /**
   * Writes a number in the format.
   *
   * @throws IllegalArgumentException if it has more decimals than the format, does not fit, or is negative for
   *     an unsigned item
   */
  static void writeDecimal(BigDecimal value, DataFormat.Numeric format, boolean signed, ByteBuf out) {
    BigDecimal scaled;
    try {
      scaled = value.setScale(format.decimals());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(value + " has more than " + format.decimals() + " decimals for " + format);
    }
    boolean negative = scaled.signum() < 0;
    if (negative && !signed) {
      throw new IllegalArgumentException("negative value " + value + " for an unsigned item");
    }
    BigInteger magnitude = scaled.unscaledValue().abs();
    int length = format.length();
    // A signed item's top bit is the sign, so the top digit of an even-digit format must stay below 8.
    BigInteger limit = signed && format.digits() % 2 == 0
        ? BigInteger.valueOf(8).multiply(BigInteger.TEN.pow(format.digits() - 1))
        : BigInteger.TEN.pow(format.digits());
    if (magnitude.compareTo(limit) >= 0) {
      throw new IllegalArgumentException(value + " does not fit " + format + (signed ? " (signed)" : ""));
    }
    long rest = magnitude.longValueExact();
    for (int i = 0; i < length; i++) {
      int b = Dlt645Bcd.toByte((int) (rest % 100));
      rest /= 100;
      if (negative && i == length - 1) {
        b |= SIGN;
      }
      out.writeByte(b);
    }
  }

  static boolean allBytes(ByteBuf buf, int index, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (buf.getUnsignedByte(index + i) != value) {
        return false;
      }
    }
    return true;
  }

  static void fill(ByteBuf out, int length) {
    for (int i = 0; i < length; i++) {
      out.writeByte(FILL);
    }
  }
}
