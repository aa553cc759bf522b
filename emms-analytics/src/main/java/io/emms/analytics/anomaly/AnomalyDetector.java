package io.emms.analytics.anomaly;

import java.util.List;

/** A detector that sees the whole series at once. Implementations are immutable and thread-safe. */
public interface AnomalyDetector {

  /** Short lower-case name used in {@link Anomaly#detector()}. */
  String name();

  /**
   * Flags anomalous points.
   *
   * @param epochMillis timestamps, required (a flagged point carries its time), same length as values
   * @param values the series; NaN (missing) is never flagged
   * @return flagged points in time order
   * @throws NullPointerException if either array is null, before any work is done
   * @throws IllegalArgumentException if the arrays differ in length
   */
  List<Anomaly> detect(long[] epochMillis, double[] values);
}
