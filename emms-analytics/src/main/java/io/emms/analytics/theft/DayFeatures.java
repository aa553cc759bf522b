package io.emms.analytics.theft;

/**
 * The four features of one day that the detector compares with the meter's own history. Each answers one way of
 * under-reporting: a lower bill (level), a day that no longer looks like the meter's days (shape), a day smoothed
 * out or made jumpy (roughness), hours with nothing recorded (zero run).
 */
final class DayFeatures {

  static final int LEVEL = 0;
  static final int SHAPE = 1;
  static final int ROUGHNESS = 2;
  static final int ZERO_RUN = 3;
  static final int COUNT = 4;

  /** Keeps logarithms finite for days with nothing or no variation in them. */
  private static final double TINY = 1e-6;

  private DayFeatures() {}

  /**
   * Writes the features of {@code days[from..from+T)} into {@code out}.
   *
   * @param profile the mean profile to compare the shape with
   * @param medianDaySum the meter's usual daily energy
   * @param zeroBelow an interval below this energy counts as nothing recorded
   */
  static void compute(double[] days, int from, double[] profile, double medianDaySum, double zeroBelow,
      double[] out) {
    int t = profile.length;
    double sum = 0;
    double roughness = 0;
    int run = 0;
    int longestRun = 0;
    for (int i = 0; i < t; i++) {
      double v = days[from + i];
      sum += v;
      if (i > 0) {
        roughness += Math.abs(v - days[from + i - 1]);
      }
      run = v < zeroBelow ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    double mean = sum / t;
    out[LEVEL] = Math.log(Math.max(sum, TINY) / Math.max(medianDaySum, TINY));
    out[SHAPE] = 1 - correlation(days, from, profile);
    out[ROUGHNESS] = Math.log(Math.max(roughness / (t - 1), TINY) / Math.max(mean, TINY));
    out[ZERO_RUN] = (double) longestRun / t;
  }

  /** Pearson correlation of the day with {@code profile}; 0 when either has no variation. */
  private static double correlation(double[] days, int from, double[] profile) {
    int t = profile.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < t; i++) {
      mx += days[from + i];
      my += profile[i];
    }
    mx /= t;
    my /= t;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < t; i++) {
      double dx = days[from + i] - mx;
      double dy = profile[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }
}
