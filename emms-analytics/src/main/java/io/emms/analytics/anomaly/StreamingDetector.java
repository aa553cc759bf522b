package io.emms.analytics.anomaly;

import java.io.Serializable;

/**
 * A detector fed one value at a time, keeping a small fixed state per meter (checkpointable: serialisable).
 * {@link #offer} allocates nothing; the last score and expectation are kept for the caller to read. One instance
 * per series; not thread-safe.
 */
public interface StreamingDetector extends Serializable {

  /** Short lower-case name used in {@link Anomaly#detector()}. */
  String name();

  /**
   * Feeds the next value (NaN = missing, never flagged, state unchanged).
   *
   * @return true when the value is anomalous
   */
  boolean offer(long epochMillis, double value);

  /** Score of the last offered value; NaN while warming up or for a missing value. */
  double lastScore();

  /** Expectation for the last offered value. */
  double lastExpected();

  /** The score threshold. */
  double threshold();

  /** Feeds a value and returns the anomaly, or null when it is normal. */
  default Anomaly check(int index, long epochMillis, double value) {
    return offer(epochMillis, value)
        ? new Anomaly(name(), index, epochMillis, value, lastExpected(), lastScore(), threshold()) : null;
  }
}
