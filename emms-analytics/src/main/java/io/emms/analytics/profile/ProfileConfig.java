package io.emms.analytics.profile;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How {@link DailyProfiler} cuts interval data into daily profiles.
 *
 * @param zone the time zone whose calendar days and clock times the profiles follow
 * @param intervalMinutes the metering interval; must divide a day (15 gives 96 values per day)
 * @param label which end of its interval a timestamp marks
 * @param maxGapIntervals missing runs up to this many intervals are filled by linear interpolation (at the very
 *     start or end of the data, by the nearest value); longer runs make their days unusable
 * @param maxMissingIntervals a day with more missing intervals than this is dropped even if every gap is short
 * @param normalisation how each kept profile is scaled
 */
public record ProfileConfig(
    ZoneId zone,
    int intervalMinutes,
    IntervalLabel label,
    int maxGapIntervals,
    int maxMissingIntervals,
    Normalisation normalisation)
    implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public ProfileConfig {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(normalisation, "normalisation");
    if (intervalMinutes < 1 || 1440 % intervalMinutes != 0) {
      throw new IllegalArgumentException("intervalMinutes must divide 1440: " + intervalMinutes);
    }
    if (maxGapIntervals < 0 || maxMissingIntervals < 0) {
      throw new IllegalArgumentException("gap and missing limits must not be negative");
    }
  }

  /** Values per profile: 1440 / intervalMinutes. */
  public int intervalsPerDay() {
    return 1440 / intervalMinutes;
  }

  /**
   * Defaults for {@code zone}: 15-minute intervals labelled by their start, gaps up to 2 h interpolated, at most
   * 4 h missing per day, no normalisation.
   */
  public static ProfileConfig of(ZoneId zone) {
    return builder(zone).build();
  }

  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /** Builds a {@link ProfileConfig}. */
  public static final class Builder {
    private final ZoneId zone;
    private int intervalMinutes = 15;
    private IntervalLabel label = IntervalLabel.START;
    private int maxGapIntervals = 8;
    private int maxMissingIntervals = 16;
    private Normalisation normalisation = Normalisation.NONE;

    private Builder(ZoneId zone) {
      this.zone = zone;
    }

    /** Sets {@code intervalMinutes}: the metering interval; must divide a day (15 gives 96 values per day). */
    public Builder intervalMinutes(int intervalMinutes) {
      this.intervalMinutes = intervalMinutes;
      return this;
    }

    /** Sets {@code label}: which end of its interval a timestamp marks. */
    public Builder label(IntervalLabel label) {
      this.label = label;
      return this;
    }

    /**
     * Sets {@code maxGapIntervals}: missing runs up to this many intervals are filled by linear interpolation (at the
     * very start or end of the data, by the nearest value); longer runs make their days unusable.
     */
    public Builder maxGapIntervals(int maxGapIntervals) {
      this.maxGapIntervals = maxGapIntervals;
      return this;
    }

    /**
     * Sets {@code maxMissingIntervals}: a day with more missing intervals than this is dropped even if every gap is
     * short.
     */
    public Builder maxMissingIntervals(int maxMissingIntervals) {
      this.maxMissingIntervals = maxMissingIntervals;
      return this;
    }

    /** Sets {@code normalisation}: how each kept profile is scaled. */
    public Builder normalisation(Normalisation normalisation) {
      this.normalisation = normalisation;
      return this;
    }

    public ProfileConfig build() {
      return new ProfileConfig(zone, intervalMinutes, label, maxGapIntervals, maxMissingIntervals, normalisation);
    }
  }
}
