package io.emms.analytics.theft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.analytics.theft.evaluation.SyntheticCustomers;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TheftPatternDetectorTest {

  private static final int T = SyntheticCustomers.INTERVALS;
  private final TheftPatternDetector detector = new TheftPatternDetector(TheftPatternConfig.DEFAULT);

  @Test
  void anHonestFortnightScoresBelowTheAlarmAndATamperedOneAbove() {
    double[] x = SyntheticCustomers.days(42, 42, 42, 0, 0);
    PatternBaseline baseline = detector.learn(Arrays.copyOf(x, 28 * T), T);
    double honest = detector.scoreWindow(baseline, x, 28, 42);

    double[] day = new double[T];
    double[] out = new double[T];
    for (int d = 28; d < 42; d++) {
      System.arraycopy(x, d * T, day, 0, T);
      FdiAttack.MEAN.apply(day, out, new SplittableRandom(d));
      System.arraycopy(out, 0, x, d * T, T);
    }
    double tampered = detector.scoreWindow(baseline, x, 28, 42);

    assertThat(detector.alarms(honest)).isFalse();
    assertThat(detector.alarms(tampered)).isTrue();
    assertThat(tampered).isGreaterThan(honest);
  }

  @Test
  void aFewDaysAwayDoNotMakeAWindowAlarm() {
    double[] x = SyntheticCustomers.days(7, 42, 42, 0, 0);
    PatternBaseline baseline = detector.learn(Arrays.copyOf(x, 28 * T), T);
    for (int d = 30; d < 33; d++) {
      Arrays.fill(x, d * T, (d + 1) * T, 0.01);
    }
    assertThat(detector.scoreDay(baseline, x, 31)).isGreaterThan(TheftPatternConfig.DEFAULT.alarmThreshold());
    assertThat(detector.alarms(detector.scoreWindow(baseline, x, 28, 42))).isFalse();
  }

  @Test
  void refusesTooLittleHistoryRaggedDaysAndGaps() {
    assertThatThrownBy(() -> detector.learn(new double[6 * T], T)).hasMessageContaining("at least 7 reference days");
    assertThatThrownBy(() -> detector.learn(new double[7 * T + 1], T)).hasMessageContaining("whole days");
    double[] gap = SyntheticCustomers.days(1, 7, 7, 0, 0);
    gap[5] = Double.NaN;
    assertThatThrownBy(() -> detector.learn(gap, T)).hasMessageContaining("NaN");
    PatternBaseline baseline = detector.learn(SyntheticCustomers.days(1, 7, 7, 0, 0), T);
    assertThatThrownBy(() -> detector.scoreWindow(baseline, new double[3 * T], 2, 4))
        .hasMessageContaining("not inside 3 days");
  }
}
