package io.emms.bus.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterEndpointTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void parsesSpecsWithAndWithoutProfile() {
    MeterEndpoint plain = MeterEndpoint.parse("fake:17", List.of(), MINUTE);
    MeterEndpoint profiled = MeterEndpoint.parse(" fake:7:p1 ", "pump", List.of(), MINUTE);

    assertThat(plain).isEqualTo(new MeterEndpoint("fake:17", "fake", "17", Optional.empty(), List.of(), MINUTE));
    assertThat(plain.spec()).isEqualTo("fake:17");
    assertThat(profiled.id()).isEqualTo("pump");
    assertThat(profiled.profile()).contains("p1");
    assertThat(profiled.spec()).isEqualTo("fake:7:p1");
  }

  @Test
  void quantitiesDefaultToTheProtocols() {
    Quantity voltage = Quantity.of(Measurand.VOLTAGE, Phase.B);

    assertThat(MeterEndpoint.parse("fake:1", List.of(), MINUTE).quantitiesToRead())
        .containsExactly(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT));
    assertThat(MeterEndpoint.parse("fake:1", List.of(voltage), MINUTE).quantitiesToRead()).containsExactly(voltage);
  }

  @Test
  void reportsEveryProblemOfASpec() {
    assertThatThrownBy(() -> MeterEndpoint.parse("fake", List.of(), MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"fake\" is not a meter spec; write PROTOCOL:ADDRESS[:PROFILE]");
    assertThatThrownBy(() -> MeterEndpoint.parse("fake:1:2:3", List.of(), MINUTE))
        .hasMessageContaining("is not a meter spec");
    assertThatThrownBy(() -> MeterEndpoint.parse("iec62056:1", List.of(), MINUTE))
        .hasMessageContaining("protocol: no meter protocol \"iec62056\"; known: fake");
    assertThatThrownBy(() -> MeterEndpoint.parse("fake:1234:p2", List.of(Quantity.total(Measurand.FREQUENCY)), Duration.ZERO))
        .hasMessage("meter fake:1234:p2: interval: must be positive, not PT0S; address: must be 1 to 3 digits, "
            + "not \"1234\"; profile: no profile \"p2\"; known: p1");
    assertThatThrownBy(() -> MeterEndpoint.parse("fake:12", List.of(Quantity.total(Measurand.FREQUENCY)), MINUTE))
        .hasMessageContaining("quantities: cannot read FREQUENCY");
  }
}
