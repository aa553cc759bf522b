package io.emms.transport.nbiot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NbiotCodecTest {

  private static final Imei IMEI = Imei.of("861234567890123");
  private static final Instant TIME = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void goldenUplinkDecodesToReadings() throws Exception {
    DeviceMessage.Uplink uplink = (DeviceMessage.Uplink) NbiotCodec.decode(GoldenVectors.get("uplink"));

    assertThat(uplink.imei()).isEqualTo(IMEI);
    assertThat(uplink.sequence()).isEqualTo(7);
    assertThat(uplink.time()).isEqualTo(TIME);
    assertThat(uplink.readings()).containsExactly(
        Reading.valid(IMEI.digits(), Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), TIME),
        Reading.valid(IMEI.digits(), Quantity.of(Measurand.VOLTAGE, Phase.A), new BigDecimal("220.3"), TIME),
        Reading.missing(IMEI.digits(), Quantity.of(Measurand.CURRENT, Phase.B), TIME, Quality.TIMEOUT));
  }

  @Test
  void goldenUplinkIsWhatTheReadingsEncodeTo() {
    DeviceMessage.Uplink uplink = new DeviceMessage.Uplink(IMEI, 7, TIME, List.of(
        Reading.valid(IMEI.digits(), Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), TIME),
        Reading.valid(IMEI.digits(), Quantity.of(Measurand.VOLTAGE, Phase.A), new BigDecimal("220.3"), TIME),
        Reading.missing(IMEI.digits(), Quantity.of(Measurand.CURRENT, Phase.B), TIME, Quality.TIMEOUT)));

    assertThat(NbiotCodec.toBytes(uplink)).isEqualTo(GoldenVectors.get("uplink"));
  }

  @Test
  void goldenAcknowledgements() throws Exception {
    assertThat(NbiotCodec.decode(GoldenVectors.get("ack-done"))).isEqualTo(new DeviceMessage.Ack(IMEI, 42, true));
    assertThat(NbiotCodec.decode(GoldenVectors.get("ack-refused"))).isEqualTo(new DeviceMessage.Ack(IMEI, 43, false));
    assertThat(NbiotCodec.toBytes(new DeviceMessage.Ack(IMEI, 42, true))).isEqualTo(GoldenVectors.get("ack-done"));
  }

  @Test
  void goldenDownlinksCarryRelayCommands() throws Exception {
    assertThat(NbiotCodec.toBytes(new Downlink(42, RelayPayload.encode(RelayCommand.TRIP))))
        .isEqualTo(GoldenVectors.get("downlink-trip"));
    Downlink close = NbiotCodec.decodeDownlink(GoldenVectors.get("downlink-close-direct"));
    assertThat(close.commandId()).isEqualTo(43);
    assertThat(RelayPayload.decode(close.payload())).contains(RelayCommand.CLOSE_DIRECT);
  }

  @Test
  void everyBadGoldenMessageFailsWithATypedError() {
    assertThat(GoldenVectors.startingWith("bad-")).hasSizeGreaterThan(3);
    List<String> names = new ArrayList<>();
    for (String prefix : List.of("bad-", "truncated-", "trailing-", "unknown-", "tariff-", "exponent-", "too-")) {
      GoldenVectors.startingWith(prefix).forEach((name, bytes) -> {
        names.add(name);
        assertThatThrownBy(() -> NbiotCodec.decode(bytes)).as(name).isInstanceOf(NbiotFormatException.class);
      });
    }
    assertThat(names).hasSize(13);
  }

  @Test
  void aDownlinkIsNotADeviceMessageAndViceVersa() {
    assertThatThrownBy(() -> NbiotCodec.decode(GoldenVectors.get("downlink-trip")))
        .isInstanceOf(NbiotFormatException.class);
    assertThatThrownBy(() -> NbiotCodec.decodeDownlink(GoldenVectors.get("ack-done")))
        .isInstanceOf(NbiotFormatException.class);
  }

  @Test
  void valuesThatDoNotFitAreRefusedWhenEncoding() {
    Reading huge = Reading.valid(IMEI.digits(), Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT),
        new BigDecimal("12345678901.23"), TIME);
    DeviceMessage.Uplink uplink = new DeviceMessage.Uplink(IMEI, 1, TIME, List.of(huge));

    assertThatThrownBy(() -> NbiotCodec.toBytes(uplink)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trailingZerosAreStrippedToFit() throws Exception {
    Reading big = Reading.valid(IMEI.digits(), Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT),
        new BigDecimal("50000000000.000"), TIME);
    DeviceMessage.Uplink decoded = (DeviceMessage.Uplink) NbiotCodec.decode(
        NbiotCodec.toBytes(new DeviceMessage.Uplink(IMEI, 1, TIME, List.of(big))));

    assertThat(decoded.readings().get(0).value()).isEqualByComparingTo("50000000000");
  }

  @Property(seed = "645")
  void uplinksRoundTrip(@ForAll("uplinks") DeviceMessage.Uplink uplink) throws Exception {
    assertThat(NbiotCodec.decode(NbiotCodec.toBytes(uplink))).isEqualTo(uplink);
  }

  @Property(seed = "645")
  void truncatedUplinksFailWithATypedError(@ForAll("uplinks") DeviceMessage.Uplink uplink,
      @ForAll("fractions") double cut) {
    byte[] bytes = NbiotCodec.toBytes(uplink);
    byte[] shorter = java.util.Arrays.copyOf(bytes, (int) (bytes.length * cut));

    assertThatThrownBy(() -> NbiotCodec.decode(shorter)).isInstanceOf(NbiotFormatException.class);
  }

  @Property(seed = "645")
  void anyBytesDecodeOrFailWithATypedError(@ForAll byte[] bytes) {
    try {
      NbiotCodec.decode(bytes);
    } catch (NbiotFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 0.999).ofScale(3);
  }

  @Provide
  Arbitrary<DeviceMessage.Uplink> uplinks() {
    Arbitrary<String> imeis = Arbitraries.strings().numeric().ofLength(15);
    Arbitrary<Instant> times = Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Instant::ofEpochSecond);
    return Combinators.combine(imeis, Arbitraries.integers().between(0, 0xFFFF), times,
            readingShapes().list().ofMaxSize(NbiotCodec.MAX_READINGS))
        .as((imei, sequence, time, shapes) -> new DeviceMessage.Uplink(Imei.of(imei), sequence, time,
            shapes.stream().map(s -> s.reading(imei, time)).toList()));
  }

  private record Shape(Measurand measurand, Phase phase, int tariff, Quality quality, int mantissa, int exponent) {
    Reading reading(String meter, Instant time) {
      Quantity q = new Quantity(measurand, phase, tariff);
      return quality.hasValue()
          ? new Reading(meter, q, BigDecimal.valueOf(mantissa, -exponent), time, quality)
          : Reading.missing(meter, q, time, quality);
    }
  }

  private Arbitrary<Shape> readingShapes() {
    return Combinators.combine(
            Arbitraries.of(Measurand.class), Arbitraries.of(Phase.class), Arbitraries.integers().between(0, 63),
            Arbitraries.of(Quality.class), Arbitraries.integers(), Arbitraries.integers().between(-9, 9))
        .as(Shape::new);
  }
}
