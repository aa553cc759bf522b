package io.emms.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StreamingHampelPropertyTest {

  /**
   * The incremental sorted window and merged MAD agree with the textbook computation (sort the window, take the
   * median, sort the absolute deviations, take their median) on arbitrary data with ties and repeats.
   */
  @Property(tries = 300, seed = "645")
  void matchesTheTextbookHampel(@ForAll @Size(max = 200) List<@IntRange(min = -20, max = 20) Integer> raw,
      @ForAll @IntRange(min = 1, max = 6) int k) {
    HampelConfig config = new HampelConfig(k, 3, 0.5);
    StreamingHampel fast = new StreamingHampel(config);
    Deque<Double> window = new ArrayDeque<>();
    for (int v : raw) {
      double x = v / 4.0;
      boolean flagged = fast.offer(0, x);
      if (window.size() < 2 * k) {
        assertThat(flagged).isFalse();
        window.addLast(x);
        continue;
      }
      double[] w = window.stream().mapToDouble(Double::doubleValue).toArray();
      double median = Medians.medianInPlace(w, w.length);
      double sigma = Math.max(HampelConfig.MAD_TO_SIGMA * Medians.madInPlace(w, w.length, median), 0.5);
      double score = Math.abs(x - median) / sigma;
      assertThat(fast.lastExpected()).isEqualTo(median);
      assertThat(fast.lastScore()).isEqualTo(score);
      assertThat(flagged).isEqualTo(score > 3);
      window.removeFirst();
      window.addLast(Math.max(median - 3 * sigma, Math.min(median + 3 * sigma, x)));
    }
  }
}
