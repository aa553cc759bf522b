package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The telemetry payload against its golden file and against the published JSON Schema. */
class TelemetryCodecTest {

  private static final String METER = "000102030425";
  private static final Instant T = Instant.parse("2026-12-03T15:00:00Z");

  static TelemetryMessage goldenMessage() {
    return new TelemetryMessage("6f1c1f9e-2d4b-4c53-9a53-1d1b3c0f6a01", "gw-1", METER, "dlt645-2007",
        Instant.parse("2026-12-03T15:00:00.120Z"), List.of(
            Reading.valid(METER, Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), T),
            Reading.missing(METER, Quantity.of(Measurand.VOLTAGE, Phase.A), T, Quality.TIMEOUT),
            Reading.valid(METER, Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2), new BigDecimal("300.05"), T)));
  }

  @Test
  void encodesTheGoldenPayloadByteForByte() {
    assertThat(new String(TelemetryCodec.encode(goldenMessage()), StandardCharsets.UTF_8))
        .isEqualTo(new String(resource("telemetry/golden.json"), StandardCharsets.UTF_8));
  }

  @Test
  void decodesTheGoldenPayloadBack() {
    assertThat(TelemetryCodec.decode(resource("telemetry/golden.json"))).isEqualTo(goldenMessage());
  }

  @Test
  void theGoldenPayloadSatisfiesThePublishedSchema() {
    assertThat(TelemetrySchema.violations(resource("telemetry/golden.json"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayloads")
  void aPayloadTheSchemaRefusesTheDecoderRefusesToo(Path file) throws IOException {
    byte[] payload = Files.readAllBytes(file);
    assertThat(TelemetrySchema.violations(payload)).isNotEmpty();
    assertThatThrownBy(() -> TelemetryCodec.decode(payload)).isInstanceOf(TelemetryFormatException.class);
  }

  static Stream<Path> badPayloads() throws IOException {
    return Files.list(Path.of("src/test/resources/telemetry/bad")).sorted();
  }

  @Test
  void aUnitThatIsNotTheQuantitysIsRefusedNamingBoth() {
    String payload = new String(resource("telemetry/golden.json"), StandardCharsets.UTF_8).replace("\"unit\":\"V\"", "\"unit\":\"kV\"");
    assertThatThrownBy(() -> TelemetryCodec.decode(payload.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(TelemetryFormatException.class)
        .hasMessageContaining("readings[1].unit").hasMessageContaining("'V'");
  }

  @Property(seed = "645", tries = 200)
  void everyEncodedMessageSatisfiesTheSchemaAndDecodesToItself(@ForAll("readings") @Size(min = 1, max = 8) List<Reading> readings) {
    TelemetryMessage message = new TelemetryMessage("id-1", "gw", METER, "modbus", T, readings);
    byte[] payload = TelemetryCodec.encode(message);
    assertThat(TelemetrySchema.violations(payload)).isEmpty();
    assertThat(TelemetryCodec.decode(payload)).isEqualTo(message);
  }

  @Provide
  Arbitrary<List<Reading>> readings() {
    Arbitrary<Quantity> quantity = Combinators.combine(
        Arbitraries.of(Measurand.class), Arbitraries.of(Phase.class), Arbitraries.integers().between(0, 63))
        .as(Quantity::new);
    Arbitrary<BigDecimal> value = Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(3);
    Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    Arbitrary<Reading> reading = Combinators.combine(quantity, value, time, Arbitraries.of(Quality.class))
        .as((q, v, t, quality) -> new Reading(METER, q, quality.hasValue() ? v : null, t, quality));
    return reading.list();
  }

  private static byte[] resource(String name) {
    try (InputStream in = TelemetryCodecTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
