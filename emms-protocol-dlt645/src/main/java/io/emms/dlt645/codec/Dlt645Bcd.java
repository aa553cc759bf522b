package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;

/**
 * Packed BCD as DL/T 645 carries it: two decimal digits per byte, the least significant byte first. The one
 * implementation the client, the catalogue and the simulator share.
 */
public final class Dlt645Bcd {

  private Dlt645Bcd() {}

  /** {@code 0..99} as one BCD byte. */
  public static int toByte(int zeroTo99) {
    if (zeroTo99 < 0 || zeroTo99 > 99) {
      throw new IllegalArgumentException("one BCD byte holds 0..99, got " + zeroTo99);
    }
    return zeroTo99 / 10 << 4 | zeroTo99 % 10;
  }

  /** One BCD byte as 0..99, or -1 if a nibble is not a decimal digit. */
  public static int digitPair(int b) {
    int hi = b >> 4 & 0xF;
    int lo = b & 0xF;
    return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
  }

  /** {@code value} as {@code bytes} BCD bytes, low byte first, saturating at 0 and at the largest it can hold. */
  public static void writeUnsigned(ByteBuf out, long value, int bytes) {
    long v = Math.min(Math.max(value, 0), maxFor(bytes));
    for (int i = 0; i < bytes; i++) {
      out.writeByte(toByte((int) (v % 100)));
      v /= 100;
    }
  }

  /** The value of {@code bytes} BCD bytes at {@code index}, low byte first, or -1 when a nibble is not a digit. */
  public static long readUnsigned(ByteBuf in, int index, int bytes) {
    long value = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      int pair = digitPair(in.getUnsignedByte(index + i));
      if (pair < 0) {
        return -1;
      }
      value = value * 100 + pair;
    }
    return value;
  }

  /** The largest value {@code bytes} BCD bytes hold: 10^(2·bytes) − 1. */
  public static long maxFor(int bytes) {
    long max = 1;
    for (int i = 0; i < bytes; i++) {
      max *= 100;
    }
    return max - 1;
  }
}
