package io.emms.analytics.profile;

import io.emms.core.reading.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts one meter's interval series into daily load profiles of a fixed length.
 *
 * <ol>
 *   <li>Each value goes to the interval it covers (timestamps need not be sorted or aligned; an unaligned one
 *       counts for the interval it falls in). For two values in one interval the later one in the input wins; a
 *       missing value (NaN) never replaces a present one.
 *   <li>Missing runs of at most {@link ProfileConfig#maxGapIntervals()} are filled by linear interpolation over
 *       elapsed time, across midnight if need be; runs at the very start or end of the data take the nearest
 *       value.
 *   <li>A day with more than {@link ProfileConfig#maxMissingIntervals()} missing intervals, or with a longer gap,
 *       is dropped and reported.
 *   <li>Days whose length is not 24 h (daylight saving: 23 h gives 92 and 25 h gives 100 quarter-hours) are
 *       resampled onto the nominal clock-time grid so that 07:00 is always the same column: the intervals of a
 *       repeated hour are averaged, those of a skipped hour are interpolated between the neighbouring clock times.
 *   <li>Each profile is normalised as configured.
 * </ol>
 */
public final class DailyProfiler {
  private final ProfileConfig config;
  private final ZoneId zone;
  private final long intervalSeconds;
  private final int nominal;

  public DailyProfiler(ProfileConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.zone = config.zone();
    this.intervalSeconds = config.intervalMinutes() * 60L;
    this.nominal = config.intervalsPerDay();
  }

  public ProfileConfig config() {
    return config;
  }

  /**
   * Builds the daily profiles of a series of readings of one quantity of one meter; readings without a value
   * count as missing.
   */
  public DailyProfiles profiles(List<Reading> readings) {
    Instant[] timestamps = new Instant[readings.size()];
    double[] values = new double[readings.size()];
    for (int i = 0; i < timestamps.length; i++) {
      Reading r = readings.get(i);
      timestamps[i] = r.timestamp();
      values[i] = r.hasValue() ? r.value().doubleValue() : Double.NaN;
    }
    return profiles(timestamps, values);
  }

  /** Builds the daily profiles of {@code values[i]} at {@code timestamps[i]}; NaN marks a missing value. */
  public DailyProfiles profiles(Instant[] timestamps, double[] values) {
    Objects.requireNonNull(timestamps, "timestamps");
    Objects.requireNonNull(values, "values");
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
    }
    if (timestamps.length == 0) {
      return new DailyProfiles(List.of(), new double[0], nominal, new int[0], List.of());
    }
    long shift = config.label() == IntervalLabel.END ? intervalSeconds : 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Instant t : timestamps) {
      long start = t.getEpochSecond() - shift;
      min = Math.min(min, start);
      max = Math.max(max, start);
    }
    LocalDate first = localDate(min);
    LocalDate last = localDate(max);
    long gridStart = dayStart(first);
    double[] grid = new double[slot(dayStart(last.plusDays(1)), gridStart)];
    Arrays.fill(grid, Double.NaN);
    for (int i = 0; i < values.length; i++) {
      int s = slot(timestamps[i].getEpochSecond() - shift, gridStart);
      if (!Double.isNaN(values[i])) {
        grid[s] = values[i];
      }
    }
    boolean[] missing = new boolean[grid.length];
    for (int s = 0; s < grid.length; s++) {
      missing[s] = Double.isNaN(grid[s]);
    }
    fillShortGaps(grid);
    return cut(grid, missing, gridStart, first, last);
  }

  private DailyProfiles cut(double[] grid, boolean[] missing, long gridStart, LocalDate first, LocalDate last) {
    List<LocalDate> dates = new ArrayList<>();
    List<DroppedDay> dropped = new ArrayList<>();
    List<Integer> estimated = new ArrayList<>();
    double[] rows = new double[0];
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      int from = slot(dayStart(day), gridStart);
      int to = slot(dayStart(day.plusDays(1)), gridStart);
      int absent = 0;
      boolean unfilled = false;
      for (int s = from; s < to; s++) {
        absent += missing[s] ? 1 : 0;
        unfilled |= Double.isNaN(grid[s]);
      }
      if (absent > config.maxMissingIntervals()) {
        dropped.add(new DroppedDay(day, absent, to - from, DroppedDay.Reason.TOO_MANY_MISSING));
      } else if (unfilled) {
        dropped.add(new DroppedDay(day, absent, to - from, DroppedDay.Reason.GAP_TOO_LONG));
      } else {
        int row = dates.size();
        if (rows.length < (row + 1) * nominal) {
          rows = Arrays.copyOf(rows, Math.max(2 * rows.length, (row + 1) * nominal));
        }
        toClockGrid(grid, from, to, gridStart, rows, row * nominal);
        config.normalisation().applyInPlace(rows, row * nominal, nominal);
        dates.add(day);
        estimated.add(absent);
      }
    }
    return new DailyProfiles(dates, Arrays.copyOf(rows, dates.size() * nominal), nominal,
        estimated.stream().mapToInt(Integer::intValue).toArray(), dropped);
  }

  /** Maps the day's elapsed intervals onto the nominal clock-time columns {@code out[offset..offset+nominal)}. */
  private void toClockGrid(double[] grid, int from, int to, long gridStart, double[] out, int offset) {
    if (to - from == nominal && clockColumn(gridStart + from * intervalSeconds) == 0) {
      System.arraycopy(grid, from, out, offset, nominal);
      return;
    }
    double[] sum = new double[nominal];
    int[] count = new int[nominal];
    for (int s = from; s < to; s++) {
      int column = clockColumn(gridStart + s * intervalSeconds);
      sum[column] += grid[s];
      count[column]++;
    }
    int previous = -1;
    for (int c = 0; c < nominal; c++) {
      if (count[c] == 0) {
        continue;
      }
      out[offset + c] = sum[c] / count[c];
      fillBetween(out, offset, previous, c);
      previous = c;
    }
    fillBetween(out, offset, previous, nominal);
  }

  /** Fills the columns strictly between two filled ones (−1 and {@code nominal} stand for the day's edges). */
  private void fillBetween(double[] out, int offset, int left, int right) {
    for (int c = left + 1; c < right; c++) {
      if (left < 0) {
        out[offset + c] = out[offset + right];
      } else if (right >= nominal) {
        out[offset + c] = out[offset + left];
      } else {
        double w = (double) (c - left) / (right - left);
        out[offset + c] = out[offset + left] + w * (out[offset + right] - out[offset + left]);
      }
    }
  }

  /** Linear interpolation over every missing run of at most {@code maxGapIntervals}. */
  private void fillShortGaps(double[] grid) {
    int s = 0;
    while (s < grid.length) {
      if (!Double.isNaN(grid[s])) {
        s++;
        continue;
      }
      int end = s;
      while (end < grid.length && Double.isNaN(grid[end])) {
        end++;
      }
      if (end - s <= config.maxGapIntervals() && (s > 0 || end < grid.length)) {
        double left = s > 0 ? grid[s - 1] : grid[end];
        double right = end < grid.length ? grid[end] : grid[s - 1];
        for (int g = s; g < end; g++) {
          grid[g] = left + (right - left) * (g - s + 1) / (end - s + 1);
        }
      }
      s = end;
    }
  }

  private int clockColumn(long epochSecond) {
    int secondOfDay = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalTime().toSecondOfDay();
    return (int) (secondOfDay / intervalSeconds);
  }

  private int slot(long epochSecond, long gridStart) {
    return Math.toIntExact(Math.floorDiv(epochSecond - gridStart, intervalSeconds));
  }

  private LocalDate localDate(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
  }

  private long dayStart(LocalDate day) {
    return day.atStartOfDay(zone).toEpochSecond();
  }
}
