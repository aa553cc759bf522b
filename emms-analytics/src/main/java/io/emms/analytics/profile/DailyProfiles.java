package io.emms.analytics.profile;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Daily profiles ready for clustering: one row of {@code intervalsPerDay} values per kept day, in date order.
 *
 * @param dates the local date of every row
 * @param values the rows, flat and row-major ({@code dates.size() × intervalsPerDay})
 * @param intervalsPerDay values per row
 * @param estimated how many values of each row were interpolated rather than measured
 * @param dropped the days left out, in date order
 */
public record DailyProfiles(
    List<LocalDate> dates, double[] values, int intervalsPerDay, int[] estimated, List<DroppedDay> dropped)
    implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public DailyProfiles {
    dates = List.copyOf(dates);
    dropped = List.copyOf(dropped);
    values = values.clone();
    estimated = estimated.clone();
    if (values.length != dates.size() * intervalsPerDay || estimated.length != dates.size()) {
      throw new IllegalArgumentException("rows do not match dates");
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public int[] estimated() {
    return estimated.clone();
  }

  /** The number of kept days. */
  public int size() {
    return dates.size();
  }

  /** The profile of row {@code row}. */
  public double[] profile(int row) {
    Objects.checkIndex(row, dates.size());
    return Arrays.copyOfRange(values, row * intervalsPerDay, (row + 1) * intervalsPerDay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyProfiles p
        && intervalsPerDay == p.intervalsPerDay
        && dates.equals(p.dates)
        && Arrays.equals(values, p.values)
        && Arrays.equals(estimated, p.estimated)
        && dropped.equals(p.dropped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dates, intervalsPerDay, dropped) * 31 * 31
        + Arrays.hashCode(values) * 31 + Arrays.hashCode(estimated);
  }

  @Override
  public String toString() {
    return "DailyProfiles[days=" + dates.size() + ", intervalsPerDay=" + intervalsPerDay
        + ", dropped=" + dropped.size() + "]";
  }
}
