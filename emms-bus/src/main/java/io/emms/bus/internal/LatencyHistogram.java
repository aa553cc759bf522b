package io.emms.bus.internal;

import java.time.Duration;

/**
 * Latencies in log-linear buckets (8 per power of two, so a percentile is within 12.5 %), counted without
 * allocating. Not thread-safe: the line updates it under its lock.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 3;
  private static final int SUB_BUCKETS = 1 << SUB_BITS;
  private final long[] counts = new long[64 * SUB_BUCKETS];
  private long total;

  void record(long nanos) {
    counts[index(Math.max(1, nanos))]++;
    total++;
  }

  /** The smallest recorded bucket's upper bound below which {@code fraction} of the values lie; zero when empty. */
  Duration percentile(double fraction) {
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Duration.ofNanos(upperBound(i));
      }
    }
    return Duration.ofNanos(upperBound(counts.length - 1));
  }

  private static int index(long nanos) {
    int magnitude = 63 - Long.numberOfLeadingZeros(nanos);
    if (magnitude < SUB_BITS) {
      return (int) nanos;
    }
    int sub = (int) (nanos >>> (magnitude - SUB_BITS)) & (SUB_BUCKETS - 1);
    return (magnitude - SUB_BITS + 1) * SUB_BUCKETS + sub;
  }

  private static long upperBound(int index) {
    int group = index / SUB_BUCKETS;
    int sub = index % SUB_BUCKETS;
    if (group == 0) {
      return sub;
    }
    int magnitude = group + SUB_BITS - 1;
    long step = 1L << (magnitude - SUB_BITS);
    return (1L << magnitude) + (sub + 1) * step - 1;
  }
}
