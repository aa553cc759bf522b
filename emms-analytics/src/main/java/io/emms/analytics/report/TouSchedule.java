package io.emms.analytics.report;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A time-of-use schedule: bands that cover every minute of the day exactly once. Intervals are assigned by their
 * start time, so band boundaries should lie on the interval grid.
 */
public record TouSchedule(List<TouPeriod> periods) {

  /** Checks the components (see the class description for their meaning). */
  public TouSchedule {
    periods = List.copyOf(periods);
    for (int minute = 0; minute < 1440; minute++) {
      LocalTime t = LocalTime.of(minute / 60, minute % 60);
      long covering = periods.stream().filter(p -> p.contains(t)).count();
      if (covering != 1) {
        throw new IllegalArgumentException(t + " is covered by " + covering + " bands, expected exactly 1");
      }
    }
  }

  /** One tariff all day. */
  public static TouSchedule flat() {
    return new TouSchedule(List.of(new TouPeriod("flat", 1, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
  }

  /**
   * A typical Chinese peak/flat/valley schedule with DL/T 645 tariff numbers (T2 peak, T3 flat, T4 valley):
   * peak 08:00–11:00 and 18:00–23:00, flat 07:00–08:00 and 11:00–18:00, valley 23:00–07:00. Provinces differ:
   * build your own with {@link #builder()}.
   */
  public static TouSchedule peakFlatValley() {
    return builder().band("peak", 2, "08:00", "11:00").band("peak", 2, "18:00", "23:00")
        .band("flat", 3, "07:00", "08:00").band("flat", 3, "11:00", "18:00")
        .band("valley", 4, "23:00", "07:00").build();
  }

  /** The tariff in force at a local time. */
  public int tariffAt(LocalTime t) {
    for (TouPeriod p : periods) {
      if (p.contains(t)) {
        return p.tariff();
      }
    }
    throw new IllegalStateException("unreachable: schedule covers the whole day");
  }

  /** Tariff numbers to their band names, in tariff order. */
  public Map<Integer, String> tariffNames() {
    Map<Integer, String> names = new TreeMap<>();
    periods.forEach(p -> names.putIfAbsent(p.tariff(), p.name()));
    return names;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects bands; {@link #build()} checks the day is covered exactly once. */
  public static final class Builder {
    private final List<TouPeriod> periods = new ArrayList<>();

    private Builder() {}

    /** Adds a band with times as "HH:mm". */
    public Builder band(String name, int tariff, String start, String end) {
      periods.add(new TouPeriod(name, tariff, LocalTime.parse(start), LocalTime.parse(end)));
      return this;
    }

    public TouSchedule build() {
      return new TouSchedule(periods);
    }
  }
}
