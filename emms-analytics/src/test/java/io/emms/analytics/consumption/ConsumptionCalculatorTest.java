package io.emms.analytics.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ConsumptionCalculatorTest {

  private static final Quantity KWH = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ConsumptionCalculator calc = new ConsumptionCalculator(ConsumptionConfig.defaults());

  private static Reading r(int minutes, String kwh) {
    return Reading.valid("m1", KWH, new BigDecimal(kwh), T0.plus(Duration.ofMinutes(minutes)));
  }

  @Test
  void plainDifferencesAreExactDecimals() {
    ConsumptionSeries s = calc.compute(List.of(r(0, "100.10"), r(15, "100.30"), r(30, "100.75")), List.of());
    // 100.30 - 100.10 = 0.20; 100.75 - 100.30 = 0.45
    assertThat(s.intervals()).extracting(IntervalConsumption::energy)
        .containsExactly(new BigDecimal("0.20"), new BigDecimal("0.45"));
    assertThat(s.intervals()).allSatisfy(c -> assertThat(c.flags()).isEmpty());
  }

  @Test
  void sixPlusTwoRegisterRollsOverAfter999999_99() {
    ConsumptionSeries s = calc.compute(List.of(r(0, "999999.50"), r(15, "000000.70")), List.of());
    // 1 000 000 + 0.70 - 999999.50 = 1.20
    assertThat(s.intervals().get(0).energy()).isEqualByComparingTo("1.20");
    assertThat(s.intervals().get(0).flags()).containsExactly(ConsumptionFlag.ROLLOVER);
  }

  @Test
  void fourDigitRegisterWrapsAt10000() {
    ConsumptionCalculator four = new ConsumptionCalculator(
        ConsumptionConfig.builder().register(new RegisterSpec(4, 1)).build());
    ConsumptionSeries s = four.compute(List.of(r(0, "9998.5"), r(60, "0002.0")), List.of());
    // 10000 + 2.0 - 9998.5 = 3.5
    assertThat(s.intervals().get(0).energy()).isEqualByComparingTo("3.5");
  }

  @Test
  void implausibleDecreaseIsFlaggedNotNegative() {
    ConsumptionSeries s = calc.compute(List.of(r(0, "5000.00"), r(15, "3.00"), r(30, "4.00")), List.of());
    // wrapped difference 1 000 000 + 3 - 5000 = 995003 > 10 % of the modulus: not a rollover
    assertThat(s.intervals().get(0).known()).isFalse();
    assertThat(s.intervals().get(0).flags()).containsExactly(ConsumptionFlag.REGISTER_DECREASE);
    assertThat(s.intervals().get(1).energy()).isEqualByComparingTo("1.00");
  }

  @Test
  void reportedResetIsStitched() {
    var reset = new RegisterEvent.RegisterReset(T0.plus(Duration.ofMinutes(20)), new BigDecimal("5000.40"));
    ConsumptionSeries s = calc.compute(List.of(r(15, "5000.00"), r(30, "0.25")), List.of(reset));
    // (5000.40 - 5000.00) + (0.25 - 0) = 0.65
    assertThat(s.intervals().get(0).energy()).isEqualByComparingTo("0.65");
    assertThat(s.intervals().get(0).flags()).containsExactly(ConsumptionFlag.REGISTER_RESET);
  }

  @Test
  void meterReplacementIsStitched() {
    var swap = new RegisterEvent.MeterReplacement(T0.plus(Duration.ofMinutes(40)),
        new BigDecimal("12345.60"), new BigDecimal("0.10"));
    ConsumptionSeries s = calc.compute(List.of(r(30, "12345.00"), r(60, "1.00")), List.of(swap));
    // (12345.60 - 12345.00) + (1.00 - 0.10) = 0.60 + 0.90 = 1.50
    assertThat(s.intervals().get(0).energy()).isEqualByComparingTo("1.50");
    assertThat(s.intervals().get(0).flags()).containsExactly(ConsumptionFlag.METER_REPLACED);
  }

  @Test
  void duplicatesAndDisorderAreResolvedAndFlagged() {
    List<Reading> in = List.of(r(0, "10.00"), r(30, "10.50"), r(15, "10.20"), r(15, "10.20"), r(30, "10.60"));
    ConsumptionSeries s = calc.compute(in, List.of());
    assertThat(s.intervals()).extracting(IntervalConsumption::energy)
        .containsExactly(new BigDecimal("0.20"), new BigDecimal("0.30"));
    // Flags attach to the interval ending at the affected timestamp.
    assertThat(s.intervals().get(0).flags())
        .containsExactlyInAnyOrder(ConsumptionFlag.OUT_OF_ORDER, ConsumptionFlag.DUPLICATE);
    assertThat(s.intervals().get(1).flags()).containsExactly(ConsumptionFlag.CONFLICTING_DUPLICATE);
  }

  @Test
  void missingReadingsLengthenTheIntervalAndLongGapsAreFlagged() {
    Reading timeout = Reading.missing("m1", KWH, T0.plus(Duration.ofMinutes(15)), Quality.TIMEOUT);
    ConsumptionSeries s = calc.compute(List.of(r(0, "1.00"), timeout, r(180, "4.00")), List.of());
    assertThat(s.intervals()).hasSize(1);
    assertThat(s.intervals().get(0).duration()).isEqualTo(Duration.ofHours(3));
    assertThat(s.intervals().get(0).energy()).isEqualByComparingTo("3.00");
    assertThat(s.intervals().get(0).flags()).containsExactly(ConsumptionFlag.LONG_GAP);
  }

  @Test
  void rejectsMixedRegisters() {
    Reading other = Reading.valid("m2", KWH, BigDecimal.ONE, T0);
    assertThatThrownBy(() -> calc.compute(List.of(r(0, "1"), other), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Whatever the register does, no interval is negative and no wrapped difference reaches the modulus. */
  @Property(tries = 300, seed = "645")
  void neverNegativeNorBeyondTheModulus(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 99_999_999) Integer> raw) {
    List<Reading> in = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      in.add(r(15 * i, BigDecimal.valueOf(raw.get(i), 2).toPlainString()));
    }
    ConsumptionSeries s = calc.compute(in, List.of());
    assertThat(s.intervals()).hasSize(raw.size() - 1);
    for (IntervalConsumption c : s.intervals()) {
      if (c.known()) {
        assertThat(c.energy().signum()).isNotNegative();
        assertThat(c.energy()).isLessThan(new BigDecimal("1000000"));
      } else {
        assertThat(c.flags()).contains(ConsumptionFlag.REGISTER_DECREASE);
      }
    }
  }
}
