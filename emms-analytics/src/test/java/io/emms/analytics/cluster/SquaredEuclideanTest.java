package io.emms.analytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SquaredEuclideanTest {

  @Test
  void worksOutAKnownDistanceWithATail() {
    double[] a = {1, 2, 3, 4, 5};
    double[] b = {0, 0, 0, 0, 0, 1, 2, 3, 4, 7};
    // (1 − 1)² + (2 − 2)² + (3 − 3)² + (4 − 4)² + (5 − 7)² = 4; offsets honoured.
    assertThat(SquaredEuclidean.between(a, 0, b, 5, 5)).isEqualTo(4.0);
    assertThat(SquaredEuclidean.between(a, 0, b, 0, 5)).isEqualTo(55.0);
  }

  @Property(tries = 300, seed = "645")
  void boundedIsExactUpToTheLimitAndALowerBoundAbove(
      @ForAll @IntRange(min = 1, max = 70) int d,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 2) double limitFraction) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[] a = random.doubles(d, -1, 1).toArray();
    double[] b = random.doubles(d, -1, 1).toArray();
    double exact = SquaredEuclidean.between(a, 0, b, 0, d);
    double limit = exact * limitFraction;
    double bounded = SquaredEuclidean.bounded(a, 0, b, 0, d, limit);
    if (exact <= limit) {
      assertThat(bounded).isEqualTo(exact);
    } else {
      assertThat(bounded).isGreaterThan(limit).isLessThanOrEqualTo(exact);
    }
  }
}
