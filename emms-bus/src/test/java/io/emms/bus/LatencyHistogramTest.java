package io.emms.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesAreWithinOneBucketOfTheTrueValue() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertThat(histogram.percentile(0.5)).isEqualTo(Duration.ZERO);
    for (int ms = 1; ms <= 100; ms++) {
      histogram.record(Duration.ofMillis(ms).toNanos());
    }
    // Buckets are 1/8 of a power of two wide: a percentile is reported as its bucket's upper bound.
    assertThat(histogram.percentile(0.50).toNanos()).isBetween(50_000_000L, 50_000_000L * 9 / 8);
    assertThat(histogram.percentile(0.99).toNanos()).isBetween(99_000_000L, 99_000_000L * 9 / 8);
  }

  @Test
  void smallValuesHaveExactBuckets() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(3);
    histogram.record(5);
    assertThat(histogram.percentile(0.5)).isEqualTo(Duration.ofNanos(3));
    assertThat(histogram.percentile(1.0)).isEqualTo(Duration.ofNanos(5));
  }
}
