package io.emms.analytics.report;

import java.time.Instant;

/**
 * The highest demand of a period.
 *
 * @param kw average power over the demand window, NaN when no complete window had data
 * @param windowStart start of the window where it occurred, null when none
 */
public record MaxDemand(double kw, Instant windowStart) {

  static final MaxDemand NONE = new MaxDemand(Double.NaN, null);
}
