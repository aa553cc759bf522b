package io.emms.server.api;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings at a coarser resolution: per bucket, the last value of an energy register (a register's value at the
 * end of the bucket), the mean of anything else. A bucket with an estimated value is marked estimated.
 */
enum Resolution {
  RAW("raw", Duration.ZERO),
  QUARTER_HOUR("15m", Duration.ofMinutes(15)),
  HOUR("1h", Duration.ofHours(1)),
  DAY("1d", Duration.ofDays(1));

  private final String label;
  private final Duration bucket;

  Resolution(String label, Duration bucket) {
    this.label = label;
    this.bucket = bucket;
  }

  String label() {
    return label;
  }

  static Resolution parse(String s) {
    if (s == null || s.isEmpty()) {
      return RAW;
    }
    for (Resolution r : values()) {
      if (r.label.equals(s)) {
        return r;
      }
    }
    throw ApiException.badField("resolution", "one of raw, 15m, 1h, 1d");
  }

  /** Buckets readings sorted by time; readings without a value are left out of buckets. */
  List<Reading> apply(List<Reading> sorted, Quantity q) {
    if (this == RAW) {
      return sorted;
    }
    long width = bucket.toMillis();
    List<Reading> out = new ArrayList<>();
    long current = Long.MIN_VALUE;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal last = null;
    int n = 0;
    boolean estimated = false;
    for (Reading r : sorted) {
      if (!r.hasValue()) {
        continue;
      }
      long start = Math.floorDiv(r.timestamp().toEpochMilli(), width) * width;
      if (start != current && n > 0) {
        out.add(bucket(q, sorted.get(0).meterId(), current, sum, last, n, estimated));
        sum = BigDecimal.ZERO;
        n = 0;
        estimated = false;
      }
      current = start;
      sum = sum.add(r.value());
      last = r.value();
      n++;
      estimated |= r.quality() == Quality.ESTIMATED;
    }
    if (n > 0) {
      out.add(bucket(q, sorted.get(0).meterId(), current, sum, last, n, estimated));
    }
    return out;
  }

  private static Reading bucket(Quantity q, String meter, long start, BigDecimal sum, BigDecimal last, int n,
      boolean estimated) {
    BigDecimal v = q.measurand().cumulative() ? last : sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
    return new Reading(meter, q, v, java.time.Instant.ofEpochMilli(start),
        estimated ? Quality.ESTIMATED : Quality.VALID);
  }
}
