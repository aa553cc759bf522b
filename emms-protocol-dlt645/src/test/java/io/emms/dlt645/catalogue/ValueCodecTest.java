package io.emms.dlt645.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.GoldenFrame;
import io.emms.dlt645.codec.Hex;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values worked out by hand from the format rules (plain DATA, offset already removed). */
class ValueCodecTest {

  private static final Dlt645Catalogue V2007 = Dlt645Catalogue.of(Dlt645Edition.V2007);
  private static final Instant NOW = Instant.parse("2024-06-01T04:00:00Z");

  private static DataItem item2007(int di) {
    return V2007.find(di).orElseThrow();
  }

  private static Dlt645Value decode(DataItem item, String hex) {
    ByteBuf data = Hex.buf(hex);
    try {
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decode(item, data);
      assertThat(decoded.trailing()).as("trailing bytes of %s", hex).isEmpty();
      return decoded.value();
    } finally {
      assertThat(data.release()).isTrue();
    }
  }

  private static String encode(DataItem item, Dlt645Value value) {
    ByteBuf out = Hex.buf("");
    try {
      Dlt645ValueCodec.encode(item, value, out);
      return Hex.dump(out);
    } finally {
      assertThat(out.release()).isTrue();
    }
  }

  private static Dlt645Value decimal(String value) {
    return new Dlt645Value.Decimal(new BigDecimal(value));
  }

  /** Decodes the hand-made bytes to the value and encodes the value back to the same bytes. */
  private static void assertBothWays(DataItem item, String hex, Dlt645Value value) {
    assertThat(decode(item, hex)).isEqualTo(value);
    assertThat(encode(item, value)).isEqualTo(hex);
  }

  @Test
  void readReplyOfTheNotesIs1206Point42KilowattHours() {
    // 33 33 34 33 75 39 45 33 -33H = DI 00 00 01 00 (00010000) and 42 06 12 00 -> 00 12 06 42 -> 1206.42
    ByteBuf wire = Hex.buf("FE FE FE FE " + GoldenFrame.readReply2007().wire());
    try {
      Dlt645Frame frame = new Dlt645FrameDecoder().decode(wire);
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decodeReply(V2007, frame.data()).orElseThrow();
      assertThat(decoded.item().di()).isEqualTo(0x00010000);
      assertThat(decoded.value()).isEqualTo(decimal("1206.42"));
      List<Reading> readings = Dlt645ValueCodec.toReadings(
          V2007, frame.address().toString(), decoded.item(), decoded.value(), NOW);
      assertThat(readings).containsExactly(Reading.valid("000102030425",
          Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), NOW));
    } finally {
      wire.release();
    }
  }

  @Test
  void voltage1997OfTheNotesIs100Volts() {
    // 1997 reply DATA 44 E9 33 34 -33H = DI 11 B6 (B611), value 00 01 -> 0100 -> 100 V (format XXX)
    ByteBuf data = Hex.buf("11 B6 00 01");
    try {
      Dlt645ValueCodec.Decoded decoded =
          Dlt645ValueCodec.decodeReply(Dlt645Catalogue.of(Dlt645Edition.V1997), data).orElseThrow();
      assertThat(decoded.value()).isEqualTo(decimal("100"));
      assertThat(decoded.item().quantity()).contains(Quantity.of(Measurand.VOLTAGE, Phase.A));
    } finally {
      data.release();
    }
  }

  @Test
  void signedValuesUseTheTopBitOfTheLastByte() {
    // current XXX.XXX: -12.345 -> digits 012345 -> low byte first 45 23 01 -> sign bit on 01 -> 81
    assertBothWays(item2007(0x02020100), "45 23 81", decimal("-12.345"));
    // active power XX.XXXX: -1.5 -> 015000 -> 00 50 01 -> 00 50 81
    assertBothWays(item2007(0x02030000), "00 50 81", decimal("-1.5000"));
    // power factor X.XXX: -0.866 -> 0866 -> 66 08 -> 66 88
    assertBothWays(item2007(0x02060000), "66 88", decimal("-0.866"));
    // temperature XXX.X: -5.5 -> 0055 -> 55 00 -> 55 80
    assertBothWays(item2007(0x02800007), "55 80", decimal("-5.5"));
    // combined active energy is signed: -0.01 -> 00000001 -> 01 00 00 00 -> 01 00 00 80
    assertBothWays(item2007(0x00000000), "01 00 00 80", decimal("-0.01"));
    // unsigned forward energy: 80 in the top byte is the digit 8
    assertThat(decode(item2007(0x00010000), "00 00 00 80")).isEqualTo(decimal("800000.00"));
  }

  @Test
  void fillAndInvalidBcdAreNoValueNotAnException() {
    DataItem energy = item2007(0x00010000);
    assertThat(decode(energy, "FF FF FF FF")).isEqualTo(Dlt645Value.Missing.NO_DATA);
    assertThat(decode(energy, "12 3A 00 00")).isEqualTo(Dlt645Value.Missing.INVALID);
    assertThat(decode(item2007(0x02020100), "FF FF FF")).as("signed FF fill").isEqualTo(Dlt645Value.Missing.NO_DATA);
    assertThat(Dlt645ValueCodec.toReadings(V2007, "000000000001", energy, Dlt645Value.Missing.NO_DATA, NOW))
        .containsExactly(Reading.missing("000000000001", Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), NOW,
            Quality.NO_DATA));
    assertThat(encode(energy, Dlt645Value.Missing.NO_DATA)).isEqualTo("FF FF FF FF");
  }

  @Test
  void longerReplyDecodesTheDefinedPartAndExposesTheRest() {
    ByteBuf data = Hex.buf("42 06 12 00 AB CD");
    try {
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decode(item2007(0x00010000), data);
      assertThat(decoded.value()).isEqualTo(decimal("1206.42"));
      assertThat(Hex.dump(decoded.trailing())).isEqualTo("AB CD");
    } finally {
      data.release();
    }
  }

  @Test
  void shorterReplyIsInvalid() {
    assertThat(decode(item2007(0x00010000), "42 06 12")).isEqualTo(Dlt645Value.Missing.INVALID);
  }

  @Test
  void dateFormats() {
    // YYMMDDWW 2024-03-15 Friday (WW 5): reading order 24 03 15 05, sent reversed
    assertBothWays(item2007(0x04000101), "05 15 03 24",
        new Dlt645Value.Date(LocalDate.of(2024, 3, 15), Optional.of(DayOfWeek.FRIDAY)));
    // WW 0 is Sunday: 2024-03-17
    assertThat(decode(item2007(0x04000101), "00 17 03 24"))
        .isEqualTo(new Dlt645Value.Date(LocalDate.of(2024, 3, 17), Optional.of(DayOfWeek.SUNDAY)));
    // hhmmss 13:45:09
    assertBothWays(item2007(0x04000102), "09 45 13", new Dlt645Value.Time(LocalTime.of(13, 45, 9)));
    // YYMMDDhhmm 2023-12-31 23:59 -> 59 23 31 12 23
    assertBothWays(item2007(0x05060001), "59 23 31 12 23",
        new Dlt645Value.Timestamp(LocalDateTime.of(2023, 12, 31, 23, 59)));
    // 1997 MMDDhhmm 06-30 14:15 -> 15 14 30 06
    assertBothWays(Dlt645Catalogue.of(Dlt645Edition.V1997).find(0xB010).orElseThrow(), "15 14 30 06",
        new Dlt645Value.MonthDayTime(MonthDay.of(6, 30), LocalTime.of(14, 15)));
    // month 13 does not exist; all zeros is a meter's "never"; FF is fill
    assertThat(decode(item2007(0x05060001), "00 00 01 13 24")).isEqualTo(Dlt645Value.Missing.INVALID);
    assertThat(decode(item2007(0x05060001), "00 00 00 00 00")).isEqualTo(Dlt645Value.Missing.NO_DATA);
    assertThat(decode(item2007(0x04000102), "FF FF FF")).isEqualTo(Dlt645Value.Missing.NO_DATA);
    // a bare time of zero is midnight, not "never"
    assertThat(decode(item2007(0x04000102), "00 00 00")).isEqualTo(new Dlt645Value.Time(LocalTime.MIDNIGHT));
  }

  @Test
  void maxDemandWithItsTime() {
    // XX.XXXX+YYMMDDhhmm: 12.3456 kW -> 56 34 12, at 2024-01-02 03:04 -> 04 03 02 01 24
    Dlt645Value value = new Dlt645Value.Parts(List.of(decimal("12.3456"),
        new Dlt645Value.Timestamp(LocalDateTime.of(2024, 1, 2, 3, 4))));
    assertBothWays(item2007(0x01010000), "56 34 12 04 03 02 01 24", value);
    assertThat(Dlt645ValueCodec.toReadings(V2007, "000000000001", item2007(0x01010000), value, NOW))
        .extracting(Reading::value).containsExactly(new BigDecimal("12.3456"));
  }

  @Test
  void addressAndText() {
    assertBothWays(item2007(0x04000401), "25 04 03 02 01 00", new Dlt645Value.DigitString("000102030425"));
    // "EMMS-01" is 45 4D 4D 53 2D 30 31, NUL-padded to 32 in reading order; the whole field is reversed on the
    // wire, so the 25 pads come first, then 31 30 2D 53 4D 4D 45
    String wire = "00 ".repeat(25) + "31 30 2D 53 4D 4D 45";
    assertBothWays(item2007(0x04000403), wire, new Dlt645Value.Text("EMMS-01"));
    // a meter that pads on the other side decodes the same
    assertThat(decode(item2007(0x04000403), "31 30 2D 53 4D 4D 45" + " 00".repeat(25)))
        .isEqualTo(new Dlt645Value.Text("EMMS-01"));
  }

  @Test
  void statusWords() {
    assertThat(((RunStatusWord) decode(item2007(0x04000503), "10 00")).relayOpen()).isTrue();
    assertThat(((RunStatusWord) decode(item2007(0x04000503), "EF FF")).relayOpen()).isFalse();
    RunStatusWord phaseA = (RunStatusWord) decode(item2007(0x04000504), "81 00");
    assertThat(phaseA.phase()).isEqualTo(Phase.A);
    assertThat(phaseA.phaseFaults()).containsExactlyInAnyOrder(
        RunStatusWord.PhaseFault.LOSS_OF_VOLTAGE, RunStatusWord.PhaseFault.PHASE_BREAK);
    assertThat(((RunStatusWord) decode(item2007(0x04000506), "00 00")).phase()).isEqualTo(Phase.C);
    RunStatusWord word7 = (RunStatusWord) decode(item2007(0x04000507), "24 01");
    assertThat(word7.meterConditions()).containsExactlyInAnyOrder(RunStatusWord.MeterCondition.VOLTAGE_UNBALANCE,
        RunStatusWord.MeterCondition.POWER_DOWN, RunStatusWord.MeterCondition.CURRENT_SEVERE_UNBALANCE);
    assertThatThrownBy(word7::relayOpen).isInstanceOf(IllegalStateException.class);
    assertThat(encode(item2007(0x04000503), new RunStatusWord(3, 0x0010))).isEqualTo("10 00");
  }

  @Test
  void blocksDecodeToElementsAndReadingsPerMember() {
    // voltages 220.1 (01 22), 221.0 (10 22), phase C FF fill
    DataItem block = item2007(0x0201FF00);
    Dlt645Value value = decode(block, "01 22 10 22 FF FF");
    assertThat(value).isEqualTo(new Dlt645Value.Elements(
        List.of(decimal("220.1"), decimal("221.0"), Dlt645Value.Missing.NO_DATA)));
    List<Reading> readings = Dlt645ValueCodec.toReadings(V2007, "000000000001", block, value, NOW);
    assertThat(readings).extracting(r -> r.quantity().phase()).containsExactly(Phase.A, Phase.B, Phase.C);
    assertThat(readings).extracting(Reading::quality).containsExactly(Quality.VALID, Quality.VALID, Quality.NO_DATA);
    // a meter with two tariffs answers the energy block with three elements, not five
    assertThat(decode(item2007(0x0001FF00), "00 00 01 00 00 00 02 00 00 00 03 00"))
        .isEqualTo(new Dlt645Value.Elements(List.of(decimal("100.00"), decimal("200.00"), decimal("300.00"))));
    assertThat(encode(item2007(0x0201FF00), value)).isEqualTo("01 22 10 22 FF FF");
  }

  @Test
  void powerDownRecord() {
    // start 2024-05-01 08:00:00 -> 00 00 08 01 05 24; end 09:30:15 -> 15 30 09 01 05 24
    assertBothWays(item2007(0x03110001), "00 00 08 01 05 24 15 30 09 01 05 24", new PowerDownRecord(
        Optional.of(LocalDateTime.of(2024, 5, 1, 8, 0, 0)), Optional.of(LocalDateTime.of(2024, 5, 1, 9, 30, 15))));
    // still down: the meter leaves the end zero
    assertBothWays(item2007(0x03110001), "00 00 08 01 05 24 00 00 00 00 00 00",
        new PowerDownRecord(Optional.of(LocalDateTime.of(2024, 5, 1, 8, 0, 0)), Optional.empty()));
    assertThat(decode(item2007(0x03110000), "12 00 00")).isEqualTo(decimal("12"));
  }

  @Test
  void coverOpenRecord() {
    // opened 2024-02-03 04:05:06, closed 04:10:00; before: forward 1.00 kWh, rest 0; after: forward 1.50, Q4 FF
    String wire = "06 05 04 03 02 24" + " 00 10 04 03 02 24"
        + " 00 01 00 00" + " 00 00 00 00".repeat(5)
        + " 50 01 00 00" + " 00 00 00 00".repeat(4) + " FF FF FF FF";
    CoverOpenRecord.Energies zero = new CoverOpenRecord.Energies(Optional.of(new BigDecimal("1.00")),
        Optional.of(new BigDecimal("0.00")), Optional.of(new BigDecimal("0.00")), Optional.of(new BigDecimal("0.00")),
        Optional.of(new BigDecimal("0.00")), Optional.of(new BigDecimal("0.00")));
    CoverOpenRecord.Energies after = new CoverOpenRecord.Energies(Optional.of(new BigDecimal("1.50")),
        Optional.of(new BigDecimal("0.00")), Optional.of(new BigDecimal("0.00")), Optional.of(new BigDecimal("0.00")),
        Optional.of(new BigDecimal("0.00")), Optional.empty());
    assertThat(Hex.bytes(wire)).hasSize(60);
    assertBothWays(item2007(0x03300D01), wire, new CoverOpenRecord(
        Optional.of(LocalDateTime.of(2024, 2, 3, 4, 5, 6)), Optional.of(LocalDateTime.of(2024, 2, 3, 4, 10, 0)),
        zero, after));
  }

  @Test
  void encodeRejectsValuesThatDoNotFit() {
    DataItem current = item2007(0x02020100);
    assertThatThrownBy(() -> encode(current, decimal("1.2345"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encode(current, decimal("800.000"))).as("sign bit taken")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encode(item2007(0x00010000), decimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encode(item2007(0x00010000), new Dlt645Value.Text("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(encode(current, decimal("799.999"))).isEqualTo("99 99 79");
  }
}
