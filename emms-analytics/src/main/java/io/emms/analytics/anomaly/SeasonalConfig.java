package io.emms.analytics.anomaly;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of the seasonal-profile detectors: the expectation of a value is the profile of its time-of-day slot
 * and day type (weekday or weekend).
 *
 * @param slot profile resolution, dividing a day evenly (e.g. 15 minutes → 96 slots)
 * @param zone the zone in which days and weekends are counted
 * @param threshold residual score above which a point is flagged
 * @param minSamples values a slot needs before it scores anything
 * @param minSigma floor of the slot's spread, so a flat slot does not flag every small wiggle
 */
public record SeasonalConfig(Duration slot, ZoneId zone, double threshold, int minSamples, double minSigma)
    implements Serializable {

  /** 15-minute slots in UTC, 4 σ, 4 samples per slot, σ floor 0.01. */
  public static final SeasonalConfig DEFAULT = new SeasonalConfig(Duration.ofMinutes(15), ZoneOffset.UTC, 4, 4, 0.01);

  public SeasonalConfig {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(zone, "zone");
    if (slot.isNegative() || slot.isZero() || Duration.ofDays(1).toMillis() % slot.toMillis() != 0) {
      throw new IllegalArgumentException("slot must divide a day evenly, got " + slot);
    }
    if (!(threshold > 0) || minSamples < 2 || !(minSigma >= 0)) {
      throw new IllegalArgumentException("need threshold > 0, minSamples >= 2, minSigma >= 0");
    }
  }

  int slotsPerDay() {
    return (int) (Duration.ofDays(1).toMillis() / slot.toMillis());
  }
}
