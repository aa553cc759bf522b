package io.emms.analytics.grid;

/**
 * Voltage qualification over a window: (1 − (minutes above + minutes below) / minutes monitored) × 100 %.
 *
 * @param monitoredMinutes phase-minutes with a voltage sample
 * @param aboveMinutes phase-minutes above the upper deviation limit
 * @param belowMinutes phase-minutes below the lower deviation limit
 * @param ratePercent the qualification rate
 * @param maxDeviationPercent the highest deviation seen
 * @param minDeviationPercent the lowest deviation seen
 */
public record VoltageQualification(double monitoredMinutes, double aboveMinutes, double belowMinutes,
    double ratePercent, double maxDeviationPercent, double minDeviationPercent) {

  /**
   * Counts every sample of every phase as {@code minutesPerSample} minutes.
   *
   * @param phases voltage samples per phase (NaN = not monitored)
   */
  public static VoltageQualification of(double nominal, double upperPercent, double lowerPercent,
      double minutesPerSample, double[]... phases) {
    double monitored = 0;
    double above = 0;
    double below = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double[] phase : phases) {
      for (double u : phase) {
        if (Double.isNaN(u)) {
          continue;
        }
        double dev = PowerQuality.voltageDeviationPercent(u, nominal);
        monitored += minutesPerSample;
        if (dev > upperPercent) {
          above += minutesPerSample;
        }
        if (dev < lowerPercent) {
          below += minutesPerSample;
        }
        max = Math.max(max, dev);
        min = Math.min(min, dev);
      }
    }
    double rate = monitored > 0 ? (1 - (above + below) / monitored) * 100 : Double.NaN;
    return new VoltageQualification(monitored, above, below, rate, monitored > 0 ? max : Double.NaN,
        monitored > 0 ? min : Double.NaN);
  }
}
