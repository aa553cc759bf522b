package io.emms.core.reading;

/** How far a reading can be trusted. Only {@link #VALID} and {@link #ESTIMATED} readings carry a value. */
public enum Quality {
  /** Read from the meter and decoded without complaint. */
  VALID(true),
  /** Filled in by validation/estimation, never read from a meter; always kept distinguishable from actuals. */
  ESTIMATED(true),
  /** The meter answered but has no value for the item (e.g. {@code FF} fill, or "no requested data"). */
  NO_DATA(false),
  /** The meter answered with bytes that do not form a valid value (bad BCD, out of range). */
  INVALID(false),
  /** The meter did not answer in time. */
  TIMEOUT(false),
  /** The meter answered with an error reply, or the link failed. */
  ERROR(false);

  private final boolean hasValue;

  Quality(boolean hasValue) {
    this.hasValue = hasValue;
  }

  /** Whether readings of this quality carry a numeric value. */
  public boolean hasValue() {
    return hasValue;
  }
}
