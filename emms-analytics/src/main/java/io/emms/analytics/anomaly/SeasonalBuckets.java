package io.emms.analytics.anomaly;

import java.io.Serializable;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Maps a timestamp to its profile bucket: slot of day, weekday buckets first, then weekend buckets. */
final class SeasonalBuckets implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;

  private final SeasonalConfig config;
  private final long slotMillis;
  private final int slotsPerDay;
  private long offset;
  private long validFrom = 1;
  private long validUntil = 0;

  SeasonalBuckets(SeasonalConfig config) {
    this.config = config;
    this.slotMillis = config.slot().toMillis();
    this.slotsPerDay = config.slotsPerDay();
  }

  int count() {
    return 2 * slotsPerDay;
  }

  int bucket(long epochMillis) {
    long local = epochMillis + offsetMillis(epochMillis);
    long day = Math.floorDiv(local, DAY);
    int slot = (int) (Math.floorMod(local, DAY) / slotMillis);
    // 1970-01-01 was a Thursday: (day + 3) mod 7 counts 0 = Monday … 5, 6 = Saturday, Sunday.
    boolean weekend = Math.floorMod(day + 3, 7) >= 5;
    return (weekend ? slotsPerDay : 0) + slot;
  }

  /** The zone offset, cached between transitions so that the hot path neither allocates nor searches rules. */
  private long offsetMillis(long epochMillis) {
    if (epochMillis < validFrom || epochMillis >= validUntil) {
      ZoneRules rules = config.zone().getRules();
      Instant at = Instant.ofEpochMilli(epochMillis);
      offset = rules.getOffset(at).getTotalSeconds() * 1000L;
      ZoneOffsetTransition following = rules.nextTransition(at);
      validFrom = epochMillis; // streams move forward: valid from here to the next transition
      validUntil = following == null ? Long.MAX_VALUE : following.getInstant().toEpochMilli();
    }
    return offset;
  }
}
