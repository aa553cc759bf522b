package io.emms.analytics.theft;

/**
 * Settings of the {@link TheftPatternDetector}.
 *
 * @param windowQuantile which quantile of a window's day scores is the window's score: a low quantile asks for
 *     evidence on most days (theft persists; a holiday week does not), in (0, 1)
 * @param zeroLevel an interval counts as "nothing recorded" below this fraction of the meter's mean interval energy
 * @param alarmThreshold a window score at or above this raises a theft alarm
 */
public record TheftPatternConfig(double windowQuantile, double zeroLevel, double alarmThreshold) {

  /**
   * The 30 % quantile of the day scores, 2 % of the mean interval as zero, an alarm from score 8 (the trade-off is
   * measured in docs/analytics-theft.md).
   */
  public static final TheftPatternConfig DEFAULT = new TheftPatternConfig(0.3, 0.02, 8.0);

  /** Checks the settings. */
  public TheftPatternConfig {
    if (!(windowQuantile > 0 && windowQuantile < 1)) {
      throw new IllegalArgumentException("windowQuantile must be in (0, 1), got " + windowQuantile);
    }
    if (!(zeroLevel >= 0 && zeroLevel < 1)) {
      throw new IllegalArgumentException("zeroLevel must be in [0, 1), got " + zeroLevel);
    }
    if (!Double.isFinite(alarmThreshold)) {
      throw new IllegalArgumentException("alarmThreshold must be finite, got " + alarmThreshold);
    }
  }
}
