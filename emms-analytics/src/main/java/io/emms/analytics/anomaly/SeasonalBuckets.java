package io.emms.analytics.anomaly;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/** Maps a timestamp to its profile bucket: slot of day, weekday buckets first, then weekend buckets. */
final class SeasonalBuckets implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;

  private final SeasonalConfig config;
  private final long slotMillis;
  private final int slotsPerDay;

  SeasonalBuckets(SeasonalConfig config) {
    this.config = config;
    this.slotMillis = config.slot().toMillis();
    this.slotsPerDay = config.slotsPerDay();
  }

  int count() {
    return 2 * slotsPerDay;
  }

  int bucket(long epochMillis) {
    ZoneRules rules = config.zone().getRules();
    ZoneOffset offset = rules.getOffset(Instant.ofEpochMilli(epochMillis));
    long local = epochMillis + offset.getTotalSeconds() * 1000L;
    long day = Math.floorDiv(local, DAY);
    int slot = (int) (Math.floorMod(local, DAY) / slotMillis);
    // 1970-01-01 was a Thursday: day-of-week index 0 = Monday.
    DayOfWeek dow = DayOfWeek.of((int) Math.floorMod(day + 3, 7) + 1);
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    return (weekend ? slotsPerDay : 0) + slot;
  }
}
