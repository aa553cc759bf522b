package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.netty.buffer.ByteBuf;

/**
 * When a freeze command (2007, 16H) takes effect: {@code mm hh DD MM} where {@code 99} means "every".
 *
 * @param month 1..12 or 99
 * @param day 1..31 or 99
 * @param hour 0..23 or 99
 * @param minute 0..59 or 99
 */
public record Dlt645FreezeTime(int month, int day, int hour, int minute) {

  /** The value standing for "every" in a field. */
  public static final int EVERY = 99;

  public Dlt645FreezeTime {
    check(month, 1, 12, "month");
    check(day, 1, 31, "day");
    check(hour, 0, 23, "hour");
    check(minute, 0, 59, "minute");
  }

  /** {@code 99999999}: freeze now. */
  public static Dlt645FreezeTime instant() {
    return new Dlt645FreezeTime(EVERY, EVERY, EVERY, EVERY);
  }

  /** {@code 999999mm}: every hour at {@code minute}. */
  public static Dlt645FreezeTime hourly(int minute) {
    return new Dlt645FreezeTime(EVERY, EVERY, EVERY, minute);
  }

  /** {@code 9999hhmm}: every day at {@code hour:minute}. */
  public static Dlt645FreezeTime daily(int hour, int minute) {
    return new Dlt645FreezeTime(EVERY, EVERY, hour, minute);
  }

  /** {@code 99DDhhmm}: every month on {@code day} at {@code hour:minute}. */
  public static Dlt645FreezeTime monthly(int day, int hour, int minute) {
    return new Dlt645FreezeTime(EVERY, day, hour, minute);
  }

  /** Writes {@code mm hh DD MM} as BCD. */
  public void writeTo(ByteBuf out) {
    out.writeByte(Dlt645Bcd.toByte(minute)).writeByte(Dlt645Bcd.toByte(hour)).writeByte(Dlt645Bcd.toByte(day)).writeByte(Dlt645Bcd.toByte(month));
  }


  private static void check(int v, int min, int max, String field) {
    if (v != EVERY && (v < min || v > max)) {
      throw new IllegalArgumentException(field + " must be " + min + ".." + max + " or 99, got " + v);
    }
  }
}
