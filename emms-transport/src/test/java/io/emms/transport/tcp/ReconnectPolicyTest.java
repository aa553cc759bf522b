package io.emms.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  @Test
  void doublesFromMinUpToMaxWithoutJitter() {
    ReconnectPolicy policy = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    assertThat(policy.delay(0, 0.7)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.delay(1, 0.7)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.delay(3, 0.7)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.delay(4, 0.7)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delay(1_000_000, 0.7)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterSpreadsAroundTheBase() {
    ReconnectPolicy policy = ReconnectPolicy.exponential(Duration.ofMillis(1000), Duration.ofSeconds(10), 0.5);

    assertThat(policy.delay(0, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delay(0, 0.5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.delay(0, 0.75)).isEqualTo(Duration.ofMillis(1250));
  }

  @Property(seed = "645")
  void delayStaysWithinTheJitteredBounds(
      @ForAll @LongRange(min = 0, max = 10_000) long minMillis,
      @ForAll @LongRange(min = 0, max = 100_000) long extraMillis,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @IntRange(min = -5, max = Integer.MAX_VALUE) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    Duration min = Duration.ofMillis(minMillis);
    Duration max = Duration.ofMillis(minMillis + extraMillis);
    ReconnectPolicy policy = ReconnectPolicy.exponential(min, max, jitter);

    long delay = policy.delay(attempt, random).toNanos();

    assertThat(delay).isGreaterThanOrEqualTo((long) Math.floor(min.toNanos() * (1 - jitter)) - 1);
    assertThat(delay).isLessThanOrEqualTo((long) Math.ceil(max.toNanos() * (1 + jitter)) + 1);
  }

  @Property(seed = "645")
  void laterAttemptsNeverWaitLessForTheSameDraw(
      @ForAll @IntRange(min = 0, max = 80) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    ReconnectPolicy policy = ReconnectPolicy.defaults();

    assertThat(policy.delay(attempt + 1, random)).isGreaterThanOrEqualTo(policy.delay(attempt, random));
  }

  @Test
  void rejectsInconsistentSettings() {
    assertThatThrownBy(() -> ReconnectPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.exponential(Duration.ZERO, Duration.ofSeconds(1), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.exponential(Duration.ZERO, Duration.ofSeconds(1), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
