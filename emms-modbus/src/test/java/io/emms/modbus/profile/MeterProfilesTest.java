package io.emms.modbus.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.modbus.client.RegisterOrder;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueType;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeterProfilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"sdm630", "sdm120", "dtsu666", "ddsu666", "adl400"})
  void everyBuiltInProfileLoadsWithSourcesAndEnergy(String name) {
    MeterProfile p = MeterProfiles.get(name);
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.sources()).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
    assertThat(p.point(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT))).isPresent();
    assertThat(p.point(Quantity.total(Measurand.FREQUENCY))).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
      "sdm630, VOLTAGE, A, INPUT_REGISTERS, 0x0000, FLOAT32, 1",
      "sdm630, CURRENT, A, INPUT_REGISTERS, 0x0006, FLOAT32, 1",
      "sdm630, ACTIVE_POWER, A, INPUT_REGISTERS, 0x000C, FLOAT32, 0.001",
      "sdm630, FREQUENCY, TOTAL, INPUT_REGISTERS, 0x0046, FLOAT32, 1",
      "sdm630, ACTIVE_ENERGY_IMPORT, TOTAL, INPUT_REGISTERS, 0x0048, FLOAT32, 1",
      "sdm120, VOLTAGE, A, INPUT_REGISTERS, 0x0000, FLOAT32, 1",
      "sdm120, ACTIVE_ENERGY_EXPORT, TOTAL, INPUT_REGISTERS, 0x004A, FLOAT32, 1",
      "dtsu666, VOLTAGE, A, HOLDING_REGISTERS, 0x2006, FLOAT32, 0.1",
      "dtsu666, ACTIVE_ENERGY_IMPORT, TOTAL, HOLDING_REGISTERS, 0x101E, FLOAT32, 1",
      "ddsu666, ACTIVE_POWER, TOTAL, INPUT_REGISTERS, 0x2004, FLOAT32, 1",
      "adl400, VOLTAGE, A, HOLDING_REGISTERS, 0x0061, UINT16, 0.1",
      "adl400, ACTIVE_ENERGY_IMPORT, TOTAL, HOLDING_REGISTERS, 0x000A, UINT32, 0.01",
  })
  void mapsDocumentedRegisters(String name, Measurand m, Phase phase, RegisterTable table, String address,
      ValueType type, BigDecimal scale) {
    RegisterPoint p = MeterProfiles.get(name).point(Quantity.of(m, phase)).orElseThrow();
    assertThat(p.table()).isEqualTo(table);
    assertThat(p.address()).isEqualTo(Integer.decode(address));
    assertThat(p.format().type()).isEqualTo(type);
    assertThat(p.format().order()).isEqualTo(RegisterOrder.ABCD);
    assertThat(p.format().scale()).isEqualByComparingTo(scale);
  }

  @Test
  void eastronReadsAreCappedAtFortyParameters() {
    assertThat(MeterProfiles.get("SDM630").optimizer().maxRegisters()).isEqualTo(80);
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    assertThat(MeterProfiles.find("nope")).isEmpty();
    assertThatThrownBy(() -> MeterProfiles.get("nope")).hasMessageContaining("sdm630");
  }

  @Test
  void parseErrorsNameTheLine() {
    String text = "@name x\n@model y\n# comment\ninput,0x0000,FLOAT32,ABCD,1,VOLTAGE,Q,0,bad phase\n";
    assertThatThrownBy(() -> MeterProfile.parse(new StringReader(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4");
  }

  @Test
  void aQuantityMayBeMappedOnlyOnce() {
    String text = "@name x\n@model y\n"
        + "input,0,FLOAT32,ABCD,1,VOLTAGE,A,0,a\n"
        + "input,2,FLOAT32,ABCD,1,VOLTAGE,A,0,b\n";
    assertThatThrownBy(() -> MeterProfile.parse(new StringReader(text))).hasMessageContaining("twice");
  }

  @Test
  void bitTablesCannotHoldMeterValues() {
    String text = "@name x\n@model y\ncoil,0,INT16,ABCD,1,VOLTAGE,A,0,z\n";
    assertThatThrownBy(() -> MeterProfile.parse(new StringReader(text)))
        .hasMessageContaining("line 3");
  }
}
