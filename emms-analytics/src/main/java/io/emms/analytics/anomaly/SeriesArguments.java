package io.emms.analytics.anomaly;

import java.util.Objects;

/** The up-front check of a detector's series: both arrays present and of one length, so nothing fails half-way. */
final class SeriesArguments {

  private SeriesArguments() {}

  static void check(long[] epochMillis, double[] values) {
    Objects.requireNonNull(epochMillis, "epochMillis: timestamps are required, one per value");
    Objects.requireNonNull(values, "values");
    if (epochMillis.length != values.length) {
      throw new IllegalArgumentException("epochMillis and values differ in length: "
          + epochMillis.length + " timestamps, " + values.length + " values");
    }
  }
}
