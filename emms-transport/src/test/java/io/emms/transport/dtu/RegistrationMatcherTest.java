package io.emms.transport.dtu;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class RegistrationMatcherTest {

  private record Vector(String framing, String id, String registration, String heartbeat) {}

  private static List<Vector> vectors() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        RegistrationMatcherTest.class.getResourceAsStream("/dtu/framings.txt"))) {
      return new String(in.readAllBytes(), US_ASCII).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\\|"))
          .map(f -> new Vector(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()))
          .toList();
    }
  }

  private static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
  }

  @Test
  void namedFramingsMakeAndReadTheGoldenPackets() throws IOException {
    List<Vector> vectors = vectors();
    assertThat(vectors).extracting(Vector::framing).containsAll(DtuFraming.names());
    for (Vector v : vectors) {
      DtuFraming framing = DtuFraming.named(v.framing());
      assertThat(ByteBufUtil.hexDump(framing.registrationPacket(v.id()))).as(v.toString())
          .isEqualToIgnoringCase(v.registration());
      assertThat(ByteBufUtil.hexDump(framing.heartbeatPacket())).isEqualToIgnoringCase(v.heartbeat());
      ByteBuf packet = hex(v.registration() + "0102");
      int length = framing.registration().match(packet);
      assertThat(length).isEqualTo(v.registration().length() / 2);
      assertThat(framing.registration().id(packet, length)).isEqualTo(v.id());
      ByteBuf heartbeat = hex("00" + v.heartbeat());
      assertThat(framing.heartbeat().matchAt(heartbeat, 1)).isEqualTo(v.heartbeat().length() / 2);
      assertThat(framing.heartbeat().matchAt(heartbeat, 0)).isEqualTo(HeartbeatMatcher.NONE);
    }
  }

  @Test
  void anUnknownFramingNameIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> DtuFraming.named("nope")).hasMessageContaining("usr-iot");
  }

  @Test
  void anIdThatDoesNotFitTheFramingIsRefused() {
    assertThatThrownBy(() -> DtuFraming.named("fastbee-7e").registrationPacket("DTU-7"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fixedLengthWaitsForAllItsBytesAndRefusesControlCharactersInText() {
    RegistrationMatcher imei = RegistrationMatcher.fixedLength(15, DtuIdFormat.ASCII);
    assertThat(imei.match(Unpooled.copiedBuffer("8688880412", US_ASCII))).isEqualTo(RegistrationMatcher.NEED_MORE);
    ByteBuf whole = Unpooled.copiedBuffer("868888041234567rest", US_ASCII);
    assertThat(imei.match(whole)).isEqualTo(15);
    assertThat(imei.id(whole, 15)).isEqualTo("868888041234567");
    assertThat(imei.match(hex("3836000102"))).isEqualTo(RegistrationMatcher.NO_MATCH);
  }

  @Test
  void hexPrefixChecksTheHeadAndReadsTheIdAfterIt() {
    RegistrationMatcher matcher = RegistrationMatcher.hexPrefix("AA55", 8, DtuIdFormat.HEX);
    ByteBuf packet = hex("AA55010203040506");
    assertThat(matcher.match(packet)).isEqualTo(8);
    assertThat(matcher.id(packet, 8)).isEqualTo("010203040506");
    assertThat(matcher.match(hex("AA56"))).isEqualTo(RegistrationMatcher.NO_MATCH);
    assertThat(matcher.match(hex("AA"))).isEqualTo(RegistrationMatcher.NEED_MORE);
  }

  @Test
  void regexTakesItsFirstGroupAsTheId() {
    RegistrationMatcher matcher = RegistrationMatcher.regex("REG:(\\d{15});", 40);
    ByteBuf packet = Unpooled.copiedBuffer("REG:868888041234567;68", US_ASCII);
    assertThat(matcher.match(packet)).isEqualTo(20);
    assertThat(matcher.id(packet, 20)).isEqualTo("868888041234567");
    assertThat(matcher.match(Unpooled.copiedBuffer("REG:8688", US_ASCII))).isEqualTo(RegistrationMatcher.NEED_MORE);
    assertThat(matcher.match(Unpooled.copiedBuffer("GET /", US_ASCII))).isEqualTo(RegistrationMatcher.NO_MATCH);
  }

  @Test
  void delimiterEndsTheIdAndRefusesBinary() {
    RegistrationMatcher matcher = RegistrationMatcher.delimiter("\r\n", 10);
    assertThat(matcher.match(Unpooled.copiedBuffer("AB\r\n", US_ASCII))).isEqualTo(4);
    assertThat(matcher.match(Unpooled.copiedBuffer("ABC", US_ASCII))).isEqualTo(RegistrationMatcher.NEED_MORE);
    assertThat(matcher.match(Unpooled.copiedBuffer("ABCDEFGHIJK", US_ASCII))).isEqualTo(RegistrationMatcher.NO_MATCH);
    assertThat(matcher.match(hex("4100"))).isEqualTo(RegistrationMatcher.NO_MATCH);
    assertThat(matcher.match(Unpooled.copiedBuffer("\r\n", US_ASCII))).isEqualTo(RegistrationMatcher.NO_MATCH);
  }

  /** Any printable id round-trips through the default framing, wherever the stream is cut. */
  @Property(seed = "645")
  void theDefaultFramingReadsBackAnyPrintableId(
      @ForAll @StringLength(min = 1, max = 40) @CharRange(from = '!', to = '~') String id,
      @ForAll @IntRange(min = 0, max = 42) int cut) {
    DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    byte[] packet = framing.registrationPacket(id);
    int at = Math.min(cut, packet.length);
    ByteBuf head = Unpooled.wrappedBuffer(packet, 0, at);
    int partial = framing.registration().match(head);
    assertThat(partial).isEqualTo(at == packet.length ? packet.length : RegistrationMatcher.NEED_MORE);
    ByteBuf whole = Unpooled.wrappedBuffer(packet);
    assertThat(framing.registration().id(whole, framing.registration().match(whole))).isEqualTo(id);
  }
}
