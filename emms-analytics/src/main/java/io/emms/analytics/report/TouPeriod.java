package io.emms.analytics.report;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily time band billed at one tariff; {@code end} is exclusive and may be earlier than {@code start} for a band
 * that wraps midnight (23:00–07:00). {@code start == end} covers the whole day.
 *
 * @param name display name ("peak", "valley")
 * @param tariff tariff register number, 1..63 as in the core {@code Quantity}
 * @param start first local time of the band
 * @param end first local time after the band
 */
public record TouPeriod(String name, int tariff, LocalTime start, LocalTime end) {

  /** Checks the components (see the class description for their meaning). */
  public TouPeriod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (tariff < 1 || tariff > 63) {
      throw new IllegalArgumentException("tariff must be 1..63, got " + tariff);
    }
  }

  /** Whether a local time falls in this band. */
  public boolean contains(LocalTime t) {
    if (start.equals(end)) {
      return true;
    }
    return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
  }
}
