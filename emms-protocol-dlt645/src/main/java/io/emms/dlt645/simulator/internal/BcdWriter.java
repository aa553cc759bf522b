package io.emms.dlt645.simulator.internal;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.netty.buffer.ByteBuf;
import java.time.ZonedDateTime;

/**
 * Writes DL/T 645 values as plain (un-offset) DATA bytes: packed BCD low byte first, sign-magnitude for signed
 * items, date-time fields in the order their format names them.
 */
public final class BcdWriter {

  private BcdWriter() {}

  /** {@code value} (already scaled to an integer) as {@code bytes} BCD bytes, low byte first; saturates. */
  public static void unsigned(ByteBuf out, long value, int bytes) {
    Dlt645Bcd.writeUnsigned(out, value, bytes);
  }

  /** Sign-magnitude: the magnitude as BCD with the top bit of the most significant byte set when negative. */
  public static void signed(ByteBuf out, long value, int bytes) {
    long magnitude = Math.min(Math.abs(value), signedMax(bytes));
    unsigned(out, magnitude, bytes);
    if (value < 0) {
      int msb = out.writerIndex() - 1;
      out.setByte(msb, out.getByte(msb) | 0x80);
    }
  }

  /** {@code value} rounded to {@code decimals} decimals, as BCD. */
  public static void decimal(ByteBuf out, double value, int decimals, int bytes, boolean signed) {
    long scaled = Math.round(value * Math.pow(10, decimals));
    if (signed) {
      signed(out, scaled, bytes);
    } else {
      unsigned(out, scaled, bytes);
    }
  }

  /** Energy registers truncate (a meter never shows energy it has not yet counted). */
  public static void energy(ByteBuf out, double kwh) {
    unsigned(out, (long) Math.floor(kwh * 100 + 1e-9), 4);
  }

  /** Fields of a time, each one BCD byte, written in the order given, e.g. "mhDMY" → mm hh DD MM YY. */
  public static void time(ByteBuf out, ZonedDateTime t, String fields) {
    for (int i = 0; i < fields.length(); i++) {
      int v = switch (fields.charAt(i)) {
        case 's' -> t.getSecond();
        case 'm' -> t.getMinute();
        case 'h' -> t.getHour();
        case 'D' -> t.getDayOfMonth();
        case 'M' -> t.getMonthValue();
        case 'Y' -> t.getYear() % 100;
        case 'W' -> t.getDayOfWeek().getValue() % 7;
        default -> throw new IllegalArgumentException("unknown time field " + fields.charAt(i));
      };
      unsigned(out, v, 1);
    }
  }

  private static long signedMax(int bytes) {
    // The top bit of the top byte carries the sign: its digit pair can reach 79 at most.
    return Dlt645Bcd.maxFor(bytes - 1) + 79 * (Dlt645Bcd.maxFor(bytes - 1) + 1);
  }
}
