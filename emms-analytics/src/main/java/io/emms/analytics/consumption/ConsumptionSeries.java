package io.emms.analytics.consumption;

import java.util.List;

/**
 * Interval consumption derived from one register, in time order.
 *
 * @param intervals one entry per pair of consecutive distinct readings
 */
public record ConsumptionSeries(List<IntervalConsumption> intervals) {

  /** Checks the components (see the class description for their meaning). */
  public ConsumptionSeries {
    intervals = List.copyOf(intervals);
  }

  /** Interval energies as doubles, NaN where unknown. */
  public double[] energies() {
    double[] out = new double[intervals.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = intervals.get(i).energyOrNaN();
    }
    return out;
  }

  /** Interval start times in epoch milliseconds. */
  public long[] startMillis() {
    long[] out = new long[intervals.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = intervals.get(i).start().toEpochMilli();
    }
    return out;
  }

  /** How many intervals carry the given flag. */
  public long count(ConsumptionFlag flag) {
    return intervals.stream().filter(c -> c.flags().contains(flag)).count();
  }
}
