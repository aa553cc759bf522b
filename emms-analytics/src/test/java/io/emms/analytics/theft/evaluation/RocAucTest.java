package io.emms.analytics.theft.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void countsPairsWonAndHalfTheTies() {
    // Pairs (positive, negative): 0.9 beats 0.7 and 0.85; 0.8 beats 0.7, loses to 0.85 → 3 of 4.
    assertThat(RocAuc.of(new double[] {0.9, 0.8}, new double[] {0.7, 0.85})).isEqualTo(0.75);
    // One tie out of two pairs, one win: (1 + 0.5) / 2.
    assertThat(RocAuc.of(new double[] {0.5}, new double[] {0.5, 0.1})).isEqualTo(0.75);
    assertThat(RocAuc.of(new double[] {1, 2}, new double[] {3, 4})).isZero();
  }

  @Test
  void refusesAnEmptySide() {
    assertThatThrownBy(() -> RocAuc.of(new double[0], new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
