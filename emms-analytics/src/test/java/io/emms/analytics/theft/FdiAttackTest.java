package io.emms.analytics.theft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdiAttackTest {

  /** 24 hourly values 1..24: every definition can be checked by hand. */
  private static double[] day() {
    double[] x = new double[24];
    for (int i = 0; i < 24; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  private static double[] apply(FdiAttack attack, long seed) {
    double[] out = new double[24];
    attack.apply(day(), out, new SplittableRandom(seed));
    return out;
  }

  @Test
  void scaledMultipliesTheWholeDayByOneFactorInTheRange() {
    double[] out = apply(FdiAttack.SCALED, 1);
    double alpha = out[0];
    assertThat(alpha).isBetween(0.1, 0.8);
    for (int i = 0; i < 24; i++) {
      assertThat(out[i]).isCloseTo(alpha * (i + 1), org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void onOffZeroesOneWindowOfAtLeastFourHoursAndKeepsTheRest() {
    for (long seed = 0; seed < 200; seed++) {
      double[] out = apply(FdiAttack.ON_OFF, seed);
      int first = -1;
      int last = -1;
      for (int i = 0; i < 24; i++) {
        if (out[i] == 0) {
          first = first < 0 ? i : first;
          last = i;
        } else {
          assertThat(out[i]).isEqualTo(i + 1);
        }
      }
      assertThat(last - first + 1).isGreaterThanOrEqualTo(4);
      for (int i = first; i <= last; i++) {
        assertThat(out[i]).isZero();
      }
    }
  }

  @Test
  void randomScaledDrawsAFactorPerInterval() {
    double[] out = apply(FdiAttack.RANDOM_SCALED, 3);
    for (int i = 0; i < 24; i++) {
      assertThat(out[i] / (i + 1)).isBetween(0.1, 0.8);
    }
    assertThat(out[1] / 2).isNotEqualTo(out[0]);
  }

  @Test
  void randomMeanAndMeanUseTheDaysMean() {
    double mean = 12.5;
    for (double v : apply(FdiAttack.RANDOM_MEAN, 4)) {
      assertThat(v / mean).isBetween(0.1, 0.8);
    }
    assertThat(apply(FdiAttack.MEAN, 5)).containsOnly(mean);
  }

  @Test
  void reversedReportsTheDayBackwards() {
    double[] out = apply(FdiAttack.REVERSED, 6);
    assertThat(out[0]).isEqualTo(24);
    assertThat(out[23]).isEqualTo(1);
    double[] same = day();
    assertThatThrownBy(() -> FdiAttack.REVERSED.apply(same, same, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
