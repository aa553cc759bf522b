package io.emms.analytics.profile;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day left out of the profiles.
 *
 * @param date the local date
 * @param missing how many of its intervals had no value
 * @param intervals how many intervals the day has (92, 96 or 100 for 15 minutes around DST changes)
 * @param reason why it was left out
 */
public record DroppedDay(LocalDate date, int missing, int intervals, Reason reason) implements Serializable {

  /** Why a day was dropped. */
  public enum Reason {
    /** More missing intervals than {@link ProfileConfig#maxMissingIntervals()}. */
    TOO_MANY_MISSING,
    /** A run of missing intervals longer than {@link ProfileConfig#maxGapIntervals()}. */
    GAP_TOO_LONG
  }

  /** Checks the components (see the class description for their meaning). */
  public DroppedDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
  }
}
