package io.emms.analytics.theft;

import java.util.Arrays;
import java.util.Objects;

/**
 * Flags meters whose recent days depart persistently from their own history in the ways a tampered meter does
 * (Jokar et al. 2016's six false-data-injection types, {@link FdiAttack}): a lower daily energy, a daily shape that
 * no longer matches the meter's usual one, a day smoothed out or made jumpy, and hours with nothing recorded.
 *
 * <p>{@link #learn} takes the meter's honest reference days and finds, for each feature, its median and robust
 * spread over those days (the shape of each reference day is compared with the mean of the others). A day's score
 * is its largest robust z-score in the suspicious direction; a window's score is a low quantile of its day scores,
 * so that a week away from home does not look like a month of theft. Stateless and thread-safe; pure Java over
 * arrays (usable inside Spark or Flink jobs).
 *
 * <pre>{@code
 * TheftPatternDetector detector = new TheftPatternDetector(TheftPatternConfig.DEFAULT);
 * PatternBaseline baseline = detector.learn(referenceDays, 96);   // e.g. 28 days × 96 intervals, row-major
 * double score = detector.scoreWindow(baseline, recentDays, 0, 14);
 * boolean alarm = detector.alarms(score);
 * }</pre>
 */
public final class TheftPatternDetector {

  /** Consistency constant of the MAD for a normal distribution. */
  private static final double MAD_TO_SIGMA = 1.4826;
  /** The smallest spreads taken for level, shape, roughness and zero run: no meter is that regular. */
  private static final double[] SCALE_FLOOR = {0.05, 0.02, 0.05, 0.02};

  private final TheftPatternConfig config;

  /** A detector with the given settings. */
  public TheftPatternDetector(TheftPatternConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The settings. */
  public TheftPatternConfig config() {
    return config;
  }

  /**
   * Learns a meter's pattern from honest days.
   *
   * @param referenceDays whole days, row-major ({@code days × intervalsPerDay}), no NaN
   * @param intervalsPerDay values per day, at least 4
   * @throws IllegalArgumentException with fewer than 7 reference days, a ragged array or a NaN
   */
  public PatternBaseline learn(double[] referenceDays, int intervalsPerDay) {
    int days = checkedDays(referenceDays, intervalsPerDay);
    if (days < 7) {
      throw new IllegalArgumentException("need at least 7 reference days, got " + days);
    }
    int t = intervalsPerDay;
    double[] total = new double[t];
    double[] daySums = new double[days];
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < t; i++) {
        total[i] += referenceDays[d * t + i];
        daySums[d] += referenceDays[d * t + i];
      }
    }
    double medianDaySum = median(daySums.clone());
    double zeroBelow = zeroBelow(total, days);
    double[][] features = new double[DayFeatures.COUNT][days];
    double[] others = new double[t];
    double[] f = new double[DayFeatures.COUNT];
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < t; i++) {
        others[i] = (total[i] - referenceDays[d * t + i]) / (days - 1);
      }
      DayFeatures.compute(referenceDays, d * t, others, medianDaySum, zeroBelow, f);
      for (int k = 0; k < DayFeatures.COUNT; k++) {
        features[k][d] = f[k];
      }
    }
    double[] centre = new double[DayFeatures.COUNT];
    double[] scale = new double[DayFeatures.COUNT];
    for (int k = 0; k < DayFeatures.COUNT; k++) {
      centre[k] = median(features[k].clone());
      double[] deviations = new double[days];
      for (int d = 0; d < days; d++) {
        deviations[d] = Math.abs(features[k][d] - centre[k]);
      }
      scale[k] = Math.max(SCALE_FLOOR[k], MAD_TO_SIGMA * median(deviations));
    }
    double[] meanProfile = new double[t];
    for (int i = 0; i < t; i++) {
      meanProfile[i] = total[i] / days;
    }
    return new PatternBaseline(meanProfile, medianDaySum, centre, scale);
  }

  /**
   * The score of day {@code row} of {@code days}: the largest robust z-score of its features in the direction
   * theft moves them (less energy, a less usual shape, a smoother or jumpier day, longer runs of nothing).
   */
  public double scoreDay(PatternBaseline baseline, double[] days, int row) {
    int rows = checkedDays(days, baseline.intervalsPerDay());
    if (row < 0 || row >= rows) {
      throw new IllegalArgumentException("day " + row + " is not one of " + rows);
    }
    return dayScore(baseline, days, row, new double[DayFeatures.COUNT]);
  }

  private double dayScore(PatternBaseline baseline, double[] days, int row, double[] f) {
    int t = baseline.intervalsPerDay();
    double[] profile = baseline.meanProfile();
    double[] centre = baseline.centre();
    double[] scale = baseline.scale();
    double zeroBelow = config.zeroLevel() * baseline.medianDaySum() / t;
    DayFeatures.compute(days, row * t, profile, baseline.medianDaySum(), zeroBelow, f);
    double level = (centre[DayFeatures.LEVEL] - f[DayFeatures.LEVEL]) / scale[DayFeatures.LEVEL];
    double shape = (f[DayFeatures.SHAPE] - centre[DayFeatures.SHAPE]) / scale[DayFeatures.SHAPE];
    double roughness = Math.abs(f[DayFeatures.ROUGHNESS] - centre[DayFeatures.ROUGHNESS])
        / scale[DayFeatures.ROUGHNESS];
    double zeroRun = (f[DayFeatures.ZERO_RUN] - centre[DayFeatures.ZERO_RUN]) / scale[DayFeatures.ZERO_RUN];
    return Math.max(Math.max(level, shape), Math.max(roughness, zeroRun));
  }

  /**
   * The score of the window of rows {@code [fromRow, toRow)}: the configured low quantile of its day scores, so
   * that only a departure on most days scores high.
   */
  public double scoreWindow(PatternBaseline baseline, double[] days, int fromRow, int toRow) {
    int rows = checkedDays(days, baseline.intervalsPerDay());
    if (fromRow < 0 || toRow > rows || toRow - fromRow < 1) {
      throw new IllegalArgumentException("window [" + fromRow + ", " + toRow + ") is not inside " + rows + " days");
    }
    double[] scores = new double[toRow - fromRow];
    double[] f = new double[DayFeatures.COUNT];
    for (int r = fromRow; r < toRow; r++) {
      scores[r - fromRow] = dayScore(baseline, days, r, f);
    }
    Arrays.sort(scores);
    return quantileOfSorted(scores, config.windowQuantile());
  }

  /** Whether a window score raises a theft alarm. */
  public boolean alarms(double windowScore) {
    return windowScore >= config.alarmThreshold();
  }

  private double zeroBelow(double[] total, int days) {
    double sum = 0;
    for (double v : total) {
      sum += v;
    }
    return config.zeroLevel() * sum / days / total.length;
  }

  private static int checkedDays(double[] days, int intervalsPerDay) {
    Objects.requireNonNull(days, "days");
    if (intervalsPerDay < 4) {
      throw new IllegalArgumentException("need at least 4 intervals per day, got " + intervalsPerDay);
    }
    if (days.length % intervalsPerDay != 0) {
      throw new IllegalArgumentException(days.length + " values are not whole days of " + intervalsPerDay);
    }
    for (double v : days) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("days hold a NaN: fill gaps (VEE) before scoring");
      }
    }
    return days.length / intervalsPerDay;
  }

  private static double median(double[] values) {
    Arrays.sort(values);
    return quantileOfSorted(values, 0.5);
  }

  /** Linear interpolation between order statistics (type 7, as R's and numpy's default). */
  private static double quantileOfSorted(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
