package io.emms.core.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QuantityTest {

  @Test
  void parsesWhatToStringWrites() {
    assertThat(Quantity.parse("ACTIVE_ENERGY_IMPORT")).isEqualTo(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT));
    assertThat(Quantity.parse("voltage.a")).isEqualTo(Quantity.of(Measurand.VOLTAGE, Phase.A));
    assertThat(Quantity.parse("ACTIVE_ENERGY_IMPORT.T2")).isEqualTo(Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2));
    assertThat(Quantity.parse("VOLTAGE.AB")).isEqualTo(Quantity.of(Measurand.VOLTAGE, Phase.AB));
  }

  @Test
  void namesThePartThatIsNotAQuantity() {
    assertThatThrownBy(() -> Quantity.parse("VOLTS.A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"VOLTS\" is not a measurand (ACTIVE_ENERGY_IMPORT, ");
    assertThatThrownBy(() -> Quantity.parse("VOLTAGE.D"))
        .hasMessageContaining("\"D\" is not a phase (TOTAL, A, B, C, N, AB, BC, CA)");
    assertThatThrownBy(() -> Quantity.parse("ACTIVE_ENERGY_IMPORT.T2.X")).hasMessageContaining("is not a tariff");
    assertThatThrownBy(() -> Quantity.parse("ACTIVE_ENERGY_IMPORT.T64")).hasMessageContaining("tariff must be 0..63");
  }

  @Property(seed = "645")
  void toStringReadsBack(@ForAll Measurand measurand, @ForAll Phase phase, @ForAll @IntRange(max = 63) int tariff) {
    Quantity q = new Quantity(measurand, phase, tariff);
    assertThat(Quantity.parse(q.toString())).isEqualTo(q);
  }
}
