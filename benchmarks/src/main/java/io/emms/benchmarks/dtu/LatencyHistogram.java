package io.emms.benchmarks.dtu;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Poll latencies in microseconds, in log-linear buckets (16 per power of two, within about 6 %), recorded from any
 * thread without locks or allocation.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 4;
  private static final int SUB = 1 << SUB_BITS;
  private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

  void record(long micros) {
    counts.incrementAndGet(index(Math.max(0, micros)));
  }

  private static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
    return (exponent - SUB_BITS + 1) * SUB + sub;
  }

  private static long lowerBound(int index) {
    if (index < SUB) {
      return index;
    }
    int exponent = index / SUB + SUB_BITS - 1;
    return (long) (SUB + index % SUB) << (exponent - SUB_BITS);
  }

  long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency at quantile {@code q} (0..1), as its bucket's lower bound. */
  long percentile(double q) {
    long target = (long) Math.ceil(q * count());
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= target && seen > 0) {
        return lowerBound(i);
      }
    }
    return 0;
  }
}
