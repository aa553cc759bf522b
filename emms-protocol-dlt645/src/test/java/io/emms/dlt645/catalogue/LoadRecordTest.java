package io.emms.dlt645.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.catalogue.LoadRecord.LoadClass;
import io.emms.dlt645.catalogue.LoadRecord.LoadField;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Hex;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadRecordTest {

  private static final Dlt645Catalogue CATALOGUE = Dlt645Catalogue.of(Dlt645Edition.V2007);
  private static final DataItem LOAD_FROM_TIME = CATALOGUE.find(0x06000001).orElseThrow();

  /**
   * Built byte by byte: classes 1 and 4 recorded, 2, 3, 5, 6 not (each only its AA).
   * <pre>
   * A0 A0                       start
   * 2C                          n = 5 time + 17 class 1 + 3 AA + 16 class 4 + 3 AA = 44 (time through last AA)
   * 15 12 01 06 24              2024-06-01 12:15 (mm hh DD MM YY)
   * 01 22                       Ua 220.1 V
   * 98 21                       Ub 219.8 V
   * FF FF                       Uc not available
   * 34 12 00                    Ia 1.234 A
   * 00 05 80                    Ib -0.500 A (sign bit on the last byte)
   * 00 00 00                    Ic 0.000 A
   * 00 50                       f 50.00 Hz
   * AA AA AA                    end of class 1, classes 2 and 3 absent
   * 42 06 12 00                 forward active 1206.42 kWh
   * 00 00 00 00                 reverse active 0.00 kWh
   * 50 03 00 80                 combined reactive 1 -3.50 kvarh
   * 00 10 00 00                 combined reactive 2 10.00 kvarh
   * AA AA AA                    end of class 4, classes 5 and 6 absent
   * EC                          CS: A0+A0+2C = 16C; time 15+12+01+06+24 = 52; class 1 = 3F5; six AA = 3FC;
   *                             class 4 = 42+06+12+50+03+80+10 = 13D; 16C+52+3F5+3FC+13D = AEC -> EC
   * E5                          end
   * </pre>
   */
  static final String RECORD = "A0 A0 2C 15 12 01 06 24"
      + " 01 22 98 21 FF FF 34 12 00 00 05 80 00 00 00 00 50"
      + " AA AA AA"
      + " 42 06 12 00 00 00 00 00 50 03 00 80 00 10 00 00"
      + " AA AA AA EC E5";

  static LoadRecord expected() {
    Map<LoadField, BigDecimal> values = Map.of(
        LoadField.VOLTAGE_A, new BigDecimal("220.1"), LoadField.VOLTAGE_B, new BigDecimal("219.8"),
        LoadField.CURRENT_A, new BigDecimal("1.234"), LoadField.CURRENT_B, new BigDecimal("-0.500"),
        LoadField.CURRENT_C, new BigDecimal("0.000"), LoadField.FREQUENCY, new BigDecimal("50.00"),
        LoadField.FORWARD_ACTIVE_ENERGY, new BigDecimal("1206.42"),
        LoadField.REVERSE_ACTIVE_ENERGY, new BigDecimal("0.00"),
        LoadField.COMBINED_REACTIVE_1_ENERGY, new BigDecimal("-3.50"),
        LoadField.COMBINED_REACTIVE_2_ENERGY, new BigDecimal("10.00"));
    return LoadRecord.of(LocalDateTime.of(2024, 6, 1, 12, 15),
        EnumSet.of(LoadClass.VOLTAGE_CURRENT_FREQUENCY, LoadClass.ENERGY), values);
  }

  @Test
  void classLengthsMatchTheNotes() {
    assertThat(LoadClass.values()).extracting(LoadClass::length).containsExactly(17, 24, 8, 16, 16, 6);
  }

  @Test
  void decodesTheHandBuiltRecord() {
    ByteBuf data = Hex.buf(RECORD);
    try {
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decode(LOAD_FROM_TIME, data);
      assertThat(decoded.trailing()).isEmpty();
      Dlt645Value.Elements records = (Dlt645Value.Elements) decoded.value();
      assertThat(records.elements()).containsExactly(expected());
      LoadRecord record = (LoadRecord) records.elements().get(0);
      assertThat(record.checksumValid()).isTrue();
      assertThat(record.value(LoadField.VOLTAGE_C)).isEmpty();
      assertThat(record.has(LoadClass.POWER)).isFalse();
    } finally {
      data.release();
    }
  }

  @Test
  void encodesTheSameBytes() {
    ByteBuf out = Hex.buf("");
    try {
      Dlt645ValueCodec.encode(LOAD_FROM_TIME, expected(), out);
      assertThat(Hex.dump(out)).isEqualTo(RECORD);
    } finally {
      out.release();
    }
  }

  @Test
  void consecutiveRecordsAndAReplyWithItsDi() {
    // reply DATA of 06000001: DI 01 00 00 06, then two records
    ByteBuf data = Hex.buf("01 00 00 06 " + RECORD + " " + RECORD);
    try {
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decodeReply(CATALOGUE, data).orElseThrow();
      assertThat(((Dlt645Value.Elements) decoded.value()).elements()).containsExactly(expected(), expected());
    } finally {
      data.release();
    }
  }

  @Test
  void wrongChecksumIsFlaggedNotFatal() {
    ByteBuf data = Hex.buf(RECORD.replace("EC E5", "ED E5"));
    try {
      Dlt645Value value = Dlt645ValueCodec.decode(LOAD_FROM_TIME, data).value();
      LoadRecord record = (LoadRecord) ((Dlt645Value.Elements) value).elements().get(0);
      assertThat(record.checksumValid()).isFalse();
      assertThat(record.value(LoadField.FORWARD_ACTIVE_ENERGY)).contains(new BigDecimal("1206.42"));
    } finally {
      data.release();
    }
  }

  @Test
  void allClassesAbsentIsTheShortestRecord() {
    // A0 A0 0B | 00 00 01 01 24 (2024-01-01 00:00) | six AA | CS | E5; n = 5 + 6 = 11 = 0B
    // CS = A0+A0+0B = 14B; +00+00+01+01+24 = 171; + 6*AA (3FC) = 56D -> 6D
    ByteBuf data = Hex.buf("A0 A0 0B 00 00 01 01 24 AA AA AA AA AA AA 6D E5");
    try {
      LoadRecord record = (LoadRecord) ((Dlt645Value.Elements) Dlt645ValueCodec.decode(LOAD_FROM_TIME, data)
          .value()).elements().get(0);
      assertThat(record.classes()).isEmpty();
      assertThat(record.checksumValid()).isTrue();
      assertThat(record.time()).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    } finally {
      data.release();
    }
  }

  @Test
  void garbageIsInvalidNotAnException() {
    ByteBuf data = Hex.buf("A0 A0 2C 15 12 01 06 24 01 22");
    try {
      assertThat(Dlt645ValueCodec.decode(LOAD_FROM_TIME, data).value()).isEqualTo(Dlt645Value.Missing.INVALID);
    } finally {
      data.release();
    }
  }

  @Test
  void readingsCarryTheRecordTime() {
    List<Reading> readings = expected().toReadings("000000000001", ZoneOffset.ofHours(8));
    Reading first = readings.get(0);
    assertThat(first.quantity()).isEqualTo(Quantity.of(Measurand.VOLTAGE, Phase.A));
    assertThat(first.timestamp()).hasToString("2024-06-01T04:15:00Z");
    assertThat(readings).filteredOn(r -> r.quality() == Quality.NO_DATA)
        .extracting(Reading::quantity).containsExactly(Quantity.of(Measurand.VOLTAGE, Phase.C));
    assertThat(readings).hasSize(11);
  }
}
