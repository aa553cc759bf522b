package io.emms.dlt645.catalogue;

import io.emms.core.reading.Quality;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A decoded data item value. The shape follows the item's {@link DataFormat}. */
public sealed interface Dlt645Value
    permits Dlt645Value.Decimal, Dlt645Value.Timestamp, Dlt645Value.Date, Dlt645Value.Time,
        Dlt645Value.MonthDayTime, Dlt645Value.DigitString, Dlt645Value.Text, Dlt645Value.Parts, Dlt645Value.Elements,
        Dlt645Value.Missing, RunStatusWord, LoadRecord, PowerDownRecord, CoverOpenRecord {

  /** Whether this is a real value rather than {@link Missing}. */
  default boolean isPresent() {
    return !(this instanceof Missing);
  }

  /** An exact decimal ({@link DataFormat.Numeric}). */
  record Decimal(BigDecimal value) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Decimal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A date with time ({@code YYMMDDhhmm}, {@code YYMMDDhhmmss}). */
  record Timestamp(LocalDateTime value) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A date ({@code YYMMDD}, {@code YYMMDDWW}) with the weekday as the meter reported it, if it did. */
  record Date(LocalDate value, Optional<DayOfWeek> weekday) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Date {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(weekday, "weekday");
    }
  }

  /** A time of day ({@code hhmmss}, {@code hhmm}). */
  record Time(LocalTime value) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Time {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A date without year and a time ({@code MMDDhhmm}, 1997 demand times). */
  record MonthDayTime(MonthDay date, LocalTime time) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public MonthDayTime {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(time, "time");
    }
  }

  /** BCD digits as text, most significant first (address, meter number). */
  record DigitString(String digits) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public DigitString {
      Objects.requireNonNull(digits, "digits");
    }
  }

  /** ASCII text, already put back in reading order; trailing NUL and space padding removed. */
  record Text(String text) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The parts of a {@link DataFormat.Composite}, in order. */
  record Parts(List<Dlt645Value> parts) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Parts {
      parts = List.copyOf(parts);
    }
  }

  /** The elements of a {@link DataFormat.Block}, in member order; single elements may be {@link Missing}. */
  record Elements(List<Dlt645Value> elements) implements Dlt645Value {
    /** Checks the components (see the class description for their meaning). */
    public Elements {
      elements = List.copyOf(elements);
    }
  }

  /**
   * No value: {@link Quality#NO_DATA} for {@code FF} fill, {@link Quality#INVALID} for other bytes that are not
   * valid BCD, dates that do not exist, or a reply shorter than the format.
   */
  record Missing(Quality quality) implements Dlt645Value {
    public static final Missing NO_DATA = new Missing(Quality.NO_DATA);
    public static final Missing INVALID = new Missing(Quality.INVALID);

    /** Checks the components (see the class description for their meaning). */
    public Missing {
      if (quality != Quality.NO_DATA && quality != Quality.INVALID) {
        throw new IllegalArgumentException("a missing value is NO_DATA or INVALID, not " + quality);
      }
    }
  }
}
