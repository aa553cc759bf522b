package io.emms.analytics.vee;

/** The validation rules of {@link VeeEngine}, after common utility MDM practice. */
public enum VeeRule {
  /** An interval value is missing, or intervals are missing between two timestamps. */
  GAP,
  /** The highest interval of a day exceeds the configured multiple of that day's third-highest interval. */
  SPIKE,
  /** A day's total exceeds the configured multiple of the median of the meter's own recent daily totals. */
  HIGH_VS_HISTORY,
  /** A day's total is below the configured fraction of the median of the meter's own recent daily totals. */
  LOW_VS_HISTORY,
  /** A run of zero intervals on a meter that is supposed to be active. */
  ZERO_WHILE_ACTIVE,
  /** The same non-zero interval value repeated over a run of intervals: a frozen reading, not real load. */
  STUCK_VALUE,
  /** An interval value below zero. */
  NEGATIVE,
  /** The cumulative register went down without the pattern of a rollover. */
  REGISTER_DECREASING,
  /** Interval energy beyond what the rated current at nominal voltage can deliver in the interval. */
  METER_FAST,
  /** The register did not move although the measured power should have advanced it. */
  STOPPED_METER,
  /** A day's interval sum disagrees with the register advance over the same day. */
  SUM_CHECK,
  /** The same interval timestamp appears more than once. */
  DUPLICATE,
  /** A timestamp off the interval grid, going backwards, or later than the validation time. */
  CLOCK_ERROR
}
