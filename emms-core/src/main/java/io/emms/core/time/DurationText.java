package io.emms.core.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in link URIs, fleet files and command lines: a number and a unit
 * ({@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 15m}, {@code 1h}, {@code 100us}) or ISO-8601 ({@code PT2S}).
 */
public final class DurationText {

  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h|d)");

  private DurationText() {}

  /**
   * The duration written in {@code text}.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw notADuration(text);
      }
    }
    Matcher m = NUMBER_AND_UNIT.matcher(t);
    if (!m.matches()) {
      throw notADuration(text);
    }
    BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 86_400_000_000_000L;
    });
    try {
      return Duration.ofNanos(new BigDecimal(m.group(1)).multiply(nanosPerUnit).longValueExact());
    } catch (ArithmeticException e) {
      throw notADuration(text);
    }
  }

  /** The shortest text that {@link #parse} reads back as {@code duration}: {@code 250ms}, {@code 2s}, {@code 15m}. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos != 0 && nanos % 3_600_000_000_000L == 0) {
      return nanos / 3_600_000_000_000L + "h";
    }
    if (nanos != 0 && nanos % 60_000_000_000L == 0) {
      return nanos / 60_000_000_000L + "m";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString() + "us";
  }

  private static IllegalArgumentException notADuration(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not a duration; write a number and a unit (us, ms, s, m, h, d) such as 500ms or 2s");
  }
}
