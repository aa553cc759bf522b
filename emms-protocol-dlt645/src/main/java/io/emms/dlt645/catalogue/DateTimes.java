package io.emms.dlt645.catalogue;

import io.emms.dlt645.codec.Dlt645Bcd;
import io.netty.buffer.ByteBuf;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Optional;

/** BCD date/time fields: named in reading order, sent reversed (low byte first). */
final class DateTimes {

  private static final int CENTURY = 2000;

  private DateTimes() {}

  /**
   * Decodes the fields; all-{@code FF}, and all-zero where there is a day (a meter's "never"; a bare time of zero
   * is midnight), give {@code NO_DATA}; bad digits and impossible dates give {@code INVALID}.
   */
  static Dlt645Value decode(ByteBuf buf, int index, DataFormat.DateTime format) {
    int n = format.length();
    if (Bcd.allBytes(buf, index, n, Bcd.FILL) || (format.has("DD") && Bcd.allBytes(buf, index, n, 0))) {
      return Dlt645Value.Missing.NO_DATA;
    }
    int[] values = new int[DataFormat.DateTime.KNOWN.size()];
    for (int k = 0; k < n; k++) {
      int value = Dlt645Bcd.digitPair(buf.getUnsignedByte(index + n - 1 - k));
      if (value < 0) {
        return Dlt645Value.Missing.INVALID;
      }
      values[DataFormat.DateTime.KNOWN.indexOf(format.fields().get(k))] = value;
    }
    try {
      return build(format, values);
    } catch (DateTimeException e) {
      return Dlt645Value.Missing.INVALID;
    }
  }

  private static Dlt645Value build(DataFormat.DateTime f, int[] v) {
    int year = CENTURY + v[0];
    LocalTime time = f.has("hh") ? LocalTime.of(v[4], v[5], v[6]) : null;
    if (f.has("YY") && f.has("MM") && f.has("DD")) {
      LocalDate date = LocalDate.of(year, v[1], v[2]);
      if (time != null) {
        return new Dlt645Value.Timestamp(LocalDateTime.of(date, time));
      }
      return new Dlt645Value.Date(date, f.has("WW") ? Optional.of(weekday(v[3])) : Optional.empty());
    }
    if (f.has("MM") && f.has("DD") && time != null) {
      return new Dlt645Value.MonthDayTime(MonthDay.of(v[1], v[2]), time);
    }
    if (time != null && !f.has("MM")) {
      return new Dlt645Value.Time(time);
    }
    throw new DateTimeException("unsupported date/time format " + f);
  }

  /** DL/T 645 weekday: 0 = Sunday, 1..6 = Monday..Saturday. */
  private static DayOfWeek weekday(int ww) {
    if (ww > 6) {
      throw new DateTimeException("weekday " + ww);
    }
    return ww == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(ww);
  }

  private static int toWw(DayOfWeek day) {
    return day == DayOfWeek.SUNDAY ? 0 : day.getValue();
  }

  /**
   * Encodes a {@link Dlt645Value.Timestamp}, {@link Dlt645Value.Date}, {@link Dlt645Value.Time} or
   * {@link Dlt645Value.MonthDayTime}; fields the value lacks are an error, extra precision is cut (a timestamp
   * written as {@code YYMMDDhhmm} loses its seconds). {@code WW} comes from the date when not given.
   */
  static void encode(Dlt645Value value, DataFormat.DateTime format, ByteBuf out) {
    LocalDate date = null;
    LocalTime time = null;
    MonthDay monthDay = null;
    Optional<DayOfWeek> weekday = Optional.empty();
    if (value instanceof Dlt645Value.Timestamp t) {
      date = t.value().toLocalDate();
      time = t.value().toLocalTime();
    } else if (value instanceof Dlt645Value.Date d) {
      date = d.value();
      weekday = d.weekday();
    } else if (value instanceof Dlt645Value.Time t) {
      time = t.value();
    } else if (value instanceof Dlt645Value.MonthDayTime m) {
      monthDay = m.date();
      time = m.time();
    } else {
      throw new IllegalArgumentException(format + " needs a date/time value, got " + value);
    }
    if (date != null) {
      monthDay = MonthDay.from(date);
    }
    int n = format.length();
    int[] fields = new int[n];
    for (int k = 0; k < n; k++) {
      fields[k] = field(format.fields().get(k), date, monthDay, time, weekday, format);
    }
    for (int k = n - 1; k >= 0; k--) {
      out.writeByte(Dlt645Bcd.toByte(fields[k]));
    }
  }

  private static int field(
      String name, LocalDate date, MonthDay monthDay, LocalTime time, Optional<DayOfWeek> weekday,
      DataFormat.DateTime format) {
    switch (name) {
      case "YY":
        int yy = require(date, format).getYear() - CENTURY;
        if (yy < 0 || yy > 99) {
          throw new IllegalArgumentException("year " + date.getYear() + " is outside 2000..2099");
        }
        return yy;
      case "MM":
        return require(monthDay, format).getMonthValue();
      case "DD":
        return require(monthDay, format).getDayOfMonth();
      case "WW":
        return toWw(weekday.orElseGet(() -> require(date, format).getDayOfWeek()));
      case "hh":
        return require(time, format).getHour();
      case "mm":
        return require(time, format).getMinute();
      default:
        return require(time, format).getSecond();
    }
  }

  private static <T> T require(T part, DataFormat.DateTime format) {
    if (part == null) {
      throw new IllegalArgumentException("the value lacks a field of " + format);
    }
    return part;
  }
}
