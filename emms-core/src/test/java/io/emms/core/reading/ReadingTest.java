package io.emms.core.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void validReadingKeepsExactDecimal() {
    Reading r = Reading.valid("000102030425", Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), T);
    assertThat(r.value()).isEqualByComparingTo("1206.42");
    assertThat(r.value().scale()).isEqualTo(2);
    assertThat(r.unit()).isEqualTo(Unit.KILOWATT_HOUR);
    assertThat(r.hasValue()).isTrue();
  }

  @Test
  void valueMustMatchQuality() {
    Quantity v = Quantity.of(Measurand.VOLTAGE, Phase.A);
    assertThatThrownBy(() -> new Reading("m", v, BigDecimal.ONE, T, Quality.TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMEOUT");
    assertThatThrownBy(() -> new Reading("m", v, null, T, Quality.VALID))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs");
    assertThat(Reading.missing("m", v, T, Quality.NO_DATA).hasValue()).isFalse();
  }

  @Test
  void quantityNamesAndTariffBounds() {
    assertThat(Quantity.of(Measurand.VOLTAGE, Phase.B)).hasToString("VOLTAGE.B");
    assertThat(Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2)).hasToString("ACTIVE_ENERGY_IMPORT.T2");
    assertThatThrownBy(() -> Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 64)).isInstanceOf(IllegalArgumentException.class);
  }
}
