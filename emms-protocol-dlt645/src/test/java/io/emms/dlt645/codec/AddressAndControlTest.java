package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class AddressAndControlTest {

  @Test
  void addressGoesOnTheWireLowByteFirst() {
    ByteBuf out = Hex.buf("");
    try {
      Dlt645Address.of("000102030425").writeTo(out);
      assertThat(Hex.dump(out)).isEqualTo("25 04 03 02 01 00");
      assertThat(Dlt645Address.readFrom(out, 0)).hasToString("000102030425");
    } finally {
      out.release();
    }
  }

  @Test
  void specialAddresses() {
    assertThat(Dlt645Address.of("999999999999")).isEqualTo(Dlt645Address.BROADCAST);
    assertThat(Dlt645Address.BROADCAST.isBroadcast()).isTrue();
    assertThat(Dlt645Address.of("aaaaaaaaaaaa")).isEqualTo(Dlt645Address.WILDCARD);
    assertThat(Dlt645Address.WILDCARD).hasToString("AAAAAAAAAAAA");
    assertThat(Dlt645Address.of("000000000001").isBroadcast()).isFalse();
  }

  @Test
  void wildcardHighBytesMatchAnyMeterWithTheSameLowBytes() {
    Dlt645Address meter = Dlt645Address.of("000102030425");
    assertThat(Dlt645Address.WILDCARD.matches(meter)).isTrue();
    assertThat(Dlt645Address.BROADCAST.matches(meter)).isTrue();
    assertThat(Dlt645Address.of("000102030425").matches(meter)).isTrue();
    assertThat(Dlt645Address.of("AAAA02030425").matches(meter)).isTrue();
    assertThat(Dlt645Address.of("AAAA02030426").matches(meter)).isFalse();
    assertThat(Dlt645Address.of("000102030426").matches(meter)).isFalse();
    // AA is a wildcard only as a run of high bytes
    assertThat(Dlt645Address.of("0001AA030425").matches(meter)).isFalse();
  }

  @Test
  void malformedAddressTextIsRejected() {
    assertThatThrownBy(() -> Dlt645Address.of("00010203042")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dlt645Address.of("0001020304F5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dlt645Address.of("00010203042A")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void functionCodesPerEdition() {
    assertThat(Dlt645Function.READ_DATA.code(Dlt645Edition.V2007)).isEqualTo(0x11);
    assertThat(Dlt645Function.READ_DATA.code(Dlt645Edition.V1997)).isEqualTo(0x01);
    assertThat(Dlt645Function.of(0x91, Dlt645Edition.V2007)).contains(Dlt645Function.READ_DATA);
    assertThat(Dlt645Function.of(0x03, Dlt645Edition.V2007)).contains(Dlt645Function.SECURITY_AUTHENTICATION);
    assertThat(Dlt645Function.of(0x03, Dlt645Edition.V1997)).contains(Dlt645Function.RE_READ);
    assertThat(Dlt645Function.of(0x1C, Dlt645Edition.V1997)).isEmpty();
    assertThat(Dlt645Function.RELAY_CONTROL.supportedBy(Dlt645Edition.V1997)).isFalse();
    assertThatThrownBy(() -> Dlt645Function.READ_ADDRESS.code(Dlt645Edition.V1997))
        .isInstanceOf(IllegalArgumentException.class);
    for (Dlt645Edition edition : Dlt645Edition.values()) {
      for (Dlt645Function function : Dlt645Function.values()) {
        if (function.supportedBy(edition)) {
          assertThat(Dlt645Function.of(function.code(edition), edition)).contains(function);
        }
      }
    }
  }

  @Test
  void controlBytes() {
    assertThat(Dlt645Control.request(Dlt645Function.RELAY_CONTROL, Dlt645Edition.V2007)).isEqualTo(0x1C);
    assertThat(Dlt645Control.normalReply(Dlt645Function.RELAY_CONTROL, Dlt645Edition.V2007)).isEqualTo(0x9C);
    assertThat(Dlt645Control.errorReply(Dlt645Function.RELAY_CONTROL, Dlt645Edition.V2007)).isEqualTo(0xDC);
    assertThat(Dlt645Control.followUpReply(Dlt645Function.READ_DATA, Dlt645Edition.V2007)).isEqualTo(0xB1);
    assertThat(Dlt645Control.isErrorReply(0xD1)).isTrue();
    assertThat(Dlt645Control.isErrorReply(0x51)).as("D6 without D7").isFalse();
    assertThat(Dlt645Control.hasFollowUp(0xB1)).isTrue();
    assertThat(Dlt645Control.functionBits(0xB1)).isEqualTo(0x11);
  }

  @Test
  void errorReasonBitsDifferBetweenEditions() {
    assertThat(Dlt645ErrorReason.decode(0x03, Dlt645Edition.V2007))
        .containsExactlyInAnyOrder(Dlt645ErrorReason.OTHER, Dlt645ErrorReason.NO_REQUESTED_DATA);
    assertThat(Dlt645ErrorReason.decode(0x03, Dlt645Edition.V1997))
        .containsExactlyInAnyOrder(Dlt645ErrorReason.ILLEGAL_DATA, Dlt645ErrorReason.WRONG_DATA_IDENTIFIER);
    assertThat(Dlt645ErrorReason.decode(0x78, Dlt645Edition.V2007)).containsExactlyInAnyOrder(
        Dlt645ErrorReason.BAUD_RATE_UNCHANGEABLE, Dlt645ErrorReason.YEAR_ZONE_COUNT_EXCEEDED,
        Dlt645ErrorReason.DAY_SLOT_COUNT_EXCEEDED, Dlt645ErrorReason.TARIFF_COUNT_EXCEEDED);
    assertThat(Dlt645ErrorReason.decode(0x08, Dlt645Edition.V1997)).as("bit 3 undefined in 1997").isEmpty();
    assertThat(Dlt645ErrorReason.encode(
        java.util.EnumSet.of(Dlt645ErrorReason.PASSWORD_ERROR, Dlt645ErrorReason.OTHER), Dlt645Edition.V2007))
        .isEqualTo(0x05);
  }

  @Test
  void dataIdentifiersGoOnTheWireLowByteFirst() {
    ByteBuf out = Hex.buf("");
    try {
      Dlt645DataId.write(0x02010100, Dlt645Edition.V2007, out);
      Dlt645DataId.write(0xB611, Dlt645Edition.V1997, out);
      assertThat(Hex.dump(out)).isEqualTo("00 01 01 02 11 B6");
      assertThat(Dlt645DataId.read(out, 0, Dlt645Edition.V2007)).isEqualTo(0x02010100);
      assertThat(Dlt645DataId.read(out, 4, Dlt645Edition.V1997)).isEqualTo(0xB611);
      assertThat(Dlt645DataId.format(0x00010000, Dlt645Edition.V2007)).isEqualTo("00010000");
      assertThat(Dlt645DataId.parse("0201FF00", Dlt645Edition.V2007)).isEqualTo(0x0201FF00);
    } finally {
      out.release();
    }
  }
}
