package io.emms.core.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One value of one quantity of one meter at one instant. Values are exact decimals: BCD registers are never
 * squeezed through binary floating point.
 *
 * @param meterId the meter's identity as its protocol addresses it (e.g. 12 DL/T 645 digits, or "unit 3 @ host")
 * @param quantity what was measured
 * @param value the value in {@code quantity.unit()}; {@code null} exactly when {@code quality} has no value
 * @param timestamp when the value was measured (meter clock when known, otherwise when it was received)
 * @param quality how far the value can be trusted
 */
public record Reading(String meterId, Quantity quantity, BigDecimal value, Instant timestamp, Quality quality) {

  public Reading {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(quality, "quality");
    if (quality.hasValue() != (value != null)) {
      throw new IllegalArgumentException("a " + quality + " reading " + (value == null ? "needs" : "carries no") + " value");
    }
  }

  /** A reading read from the meter. */
  public static Reading valid(String meterId, Quantity quantity, BigDecimal value, Instant timestamp) {
    return new Reading(meterId, quantity, Objects.requireNonNull(value, "value"), timestamp, Quality.VALID);
  }

  /** A reading without a value: the meter had none, sent garbage, timed out or refused. */
  public static Reading missing(String meterId, Quantity quantity, Instant timestamp, Quality quality) {
    return new Reading(meterId, quantity, null, timestamp, quality);
  }

  /** Whether this reading carries a value. */
  public boolean hasValue() {
    return value != null;
  }

  public Unit unit() {
    return quantity.unit();
  }
}
