package io.emms.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void readsNumberAndUnit() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse(" 15 m ")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationText.parse("100us")).isEqualTo(Duration.ofNanos(100_000));
    assertThat(DurationText.parse("PT2.5S")).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void refusesWhatIsNotADuration() {
    for (String bad : new String[] {"", "5", "-1s", "1 fortnight", "ms", "P1X", "1.0000000001ms"}) {
      assertThatThrownBy(() -> DurationText.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a duration");
    }
  }

  @Test
  void formatsTheShortestWay() {
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationText.format(Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(DurationText.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationText.format(Duration.ofNanos(1500))).isEqualTo("1.5us");
  }

  @Property(seed = "645")
  void formatReadsBack(@ForAll @LongRange(min = 0, max = 1L << 50) long micros) {
    Duration d = Duration.ofNanos(micros * 1000);
    assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
  }
}
