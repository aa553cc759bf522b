package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames from the reference notes (checksums verified there) and frames worked out by hand from the frame rules.
 * Each is decoded, and encoded from its plain DATA to the same bytes.
 */
class GoldenFrameTest {

  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final Dlt645FrameEncoder encoder = new Dlt645FrameEncoder();

  private record Golden(String wire, String address, int control, String plainData) {}

  // --- from the notes -------------------------------------------------------------------------------------
  private static final Golden READ_REQUEST_2007 =
      new Golden("68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16", "000102030425", 0x11, "00 00 01 00");
  private static final Golden READ_REPLY_2007 = new Golden(
      "68 25 04 03 02 01 00 68 91 08 33 33 34 33 75 39 45 33 8B 16", "000102030425", 0x91,
      "00 00 01 00 42 06 12 00");
  /** Time sync to 2017-06-05 10:22:51: ss mm hh DD MM YY = 51 22 10 05 06 17. */
  private static final Golden TIME_SYNC_2007 = new Golden(
      "68 99 99 99 99 99 99 68 08 06 84 55 43 38 39 4A 4B 16", "999999999999", 0x08, "51 22 10 05 06 17");
  private static final Golden READ_REQUEST_1997 =
      new Golden("68 03 00 00 00 00 00 68 01 02 44 E9 03 16", "000000000003", 0x01, "11 B6");
  private static final Golden READ_REPLY_1997 =
      new Golden("68 03 00 00 00 00 00 68 81 04 44 E9 33 34 EC 16", "000000000003", 0x81, "11 B6 00 01");

  // --- worked out by hand ---------------------------------------------------------------------------------
  /**
   * 2007 read DI 02010100 (voltage A) of meter 000000000001. DATA 00 01 01 02 +33H = 33 34 34 35.
   * CS = 68+01+68+11+04+33+34+34+35 = 69, D1, E2, E6, 119, 14D, 181, 1B6 -> B6.
   */
  private static final Golden VOLTAGE_REQUEST_2007 =
      new Golden("68 01 00 00 00 00 00 68 11 04 33 34 34 35 B6 16", "000000000001", 0x11, "00 01 01 02");
  /**
   * Its reply, 220.1 V (XXX.X -> BCD 2201, low byte first 01 22, +33H = 34 55), C = 11|80 = 91, L = 6.
   * CS = 68+01+68+91+06+33+34+34+35+34+55 = 69, D1, 162, 168, 19B, 1CF, 203, 238, 26C, 2C1 -> C1.
   */
  private static final Golden VOLTAGE_REPLY_2007 = new Golden(
      "68 01 00 00 00 00 00 68 91 06 33 34 34 35 34 55 C1 16", "000000000001", 0x91, "00 01 01 02 01 22");
  /** 2007 read address: L = 0 to AA..AA. CS = 68+6*AA+68+13 = D0+3FC+13 = 4DF -> DF. */
  private static final Golden READ_ADDRESS_REQUEST =
      new Golden("68 AA AA AA AA AA AA 68 13 00 DF 16", "AAAAAAAAAAAA", 0x13, "");
  /**
   * Its reply from meter 000102030425: C = 93, DATA = the address low byte first, 25 04 03 02 01 00 +33H =
   * 58 37 36 35 34 33. CS = 68+25+04+03+02+01+00+68 = FF; +93 = 192; +06 = 198; +58 = 1F0; +37 = 227;
   * +36 = 25D; +35 = 292; +34 = 2C6; +33 = 2F9 -> F9.
   */
  private static final Golden READ_ADDRESS_REPLY = new Golden(
      "68 25 04 03 02 01 00 68 93 06 58 37 36 35 34 33 F9 16", "000102030425", 0x93, "25 04 03 02 01 00");
  /** 1997 error reply, bit1 wrong DI: C = 01|C0 = C1, ERR 02 +33H = 35. CS = 68+03+68+C1+01+35 = 1CA -> CA. */
  private static final Golden ERROR_REPLY_1997 =
      new Golden("68 03 00 00 00 00 00 68 C1 01 35 CA 16", "000000000003", 0xC1, "02");
  /**
   * 2007 security-authentication error reply C3 with error word 0004 (low byte first 04 00, +33H = 37 33).
   * CS = FF (header through second 68, as above) + C3 + 02 + 37 + 33 = 1C2, 1C4, 1FB, 22E -> 2E.
   */
  private static final Golden SECURITY_ERROR_2007 =
      new Golden("68 25 04 03 02 01 00 68 C3 02 37 33 2E 16", "000102030425", 0xC3, "04 00");

  private static final List<Golden> ALL = List.of(
      READ_REQUEST_2007, READ_REPLY_2007, TIME_SYNC_2007, READ_REQUEST_1997, READ_REPLY_1997,
      VOLTAGE_REQUEST_2007, VOLTAGE_REPLY_2007, READ_ADDRESS_REQUEST, READ_ADDRESS_REPLY, ERROR_REPLY_1997,
      SECURITY_ERROR_2007);

  @Test
  void everyGoldenFrameDecodes() {
    for (Golden golden : ALL) {
      ByteBuf in = Hex.buf(golden.wire());
      try {
        Dlt645Frame frame = decoder.decode(in);
        assertThat(frame).as(golden.wire()).isNotNull();
        assertThat(frame.address()).hasToString(golden.address());
        assertThat(frame.control()).isEqualTo(golden.control());
        assertThat(Hex.dump(frame.data())).isEqualTo(golden.plainData());
        assertThat(frame.dataLength()).isEqualTo(Hex.bytes(golden.plainData()).length);
        assertThat(in.isReadable()).isFalse();
      } finally {
        assertThat(in.release()).isTrue();
      }
    }
    assertThat(decoder.droppedBytes()).isZero();
    assertThat(decoder.badFrames()).isZero();
  }

  @Test
  void everyGoldenFrameEncodesFromItsPlainData() {
    for (Golden golden : ALL) {
      ByteBuf data = Hex.buf(golden.plainData());
      ByteBuf out = Hex.buf(new byte[0]);
      try {
        encoder.encode(Dlt645Address.of(golden.address()), golden.control(), data, out);
        assertThat(Hex.dump(out)).isEqualTo(golden.wire());
        assertThat(data.readableBytes()).as("plain data untouched").isEqualTo(Hex.bytes(golden.plainData()).length);
      } finally {
        assertThat(data.release()).isTrue();
        assertThat(out.release()).isTrue();
      }
    }
  }

  @Test
  void errorReplyFromTheNotesWithWakeUpBytes() {
    ByteBuf in = Hex.buf("FE FE FE FE 68 60 07 92 04 00 91 68 D1 01 37 67 16");
    try {
      Dlt645Frame frame = decoder.decode(in);
      assertThat(frame.address()).hasToString("910004920760");
      assertThat(frame.isResponse()).isTrue();
      assertThat(frame.isErrorReply()).isTrue();
      assertThat(frame.hasFollowUp()).isFalse();
      assertThat(frame.functionBits()).isEqualTo(0x11);
      Dlt645ErrorReplyException error = Dlt645ErrorReplyException.of(frame, Dlt645Edition.V2007);
      assertThat(error.errorByte()).isEqualTo(0x04);
      assertThat(error.reasons()).containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
      assertThat(error.isSecurityError()).isFalse();
      assertThat(error.meterId()).isEqualTo("910004920760");
      assertThat(decoder.droppedBytes()).as("FE bytes are not garbage").isZero();
    } finally {
      in.release();
    }
  }

  @Test
  void errorReply1997MeansWrongDataIdentifier() {
    ByteBuf in = Hex.buf(ERROR_REPLY_1997.wire());
    try {
      Dlt645ErrorReplyException error = Dlt645ErrorReplyException.of(decoder.decode(in), Dlt645Edition.V1997);
      assertThat(error.reasons()).containsExactly(Dlt645ErrorReason.WRONG_DATA_IDENTIFIER);
      assertThat(error.functionBits()).isEqualTo(0x01);
    } finally {
      in.release();
    }
  }

  /**
   * A 1997 meter's refusal of a 2007 read (C = 11, unknown in 1997): C = 11|C0 = D1, ERR 01 (1997 bit 0, illegal
   * data) +33H = 34. CS = 68+03+68+D1+01+34 = 1D9 -> D9. Read as 2007 it is bit 0, "other".
   */
  @Test
  void aBareBitZeroRefusalSuggestsTheOtherEdition() {
    ByteBuf in = Hex.buf("68 03 00 00 00 00 00 68 D1 01 34 D9 16");
    try {
      Dlt645ErrorReplyException error = Dlt645ErrorReplyException.of(decoder.decode(in), Dlt645Edition.V2007);
      assertThat(error.reasons()).containsExactly(Dlt645ErrorReason.OTHER);
      assertThat(error.mayBeOtherEdition()).isTrue();
      assertThat(error).hasMessage(
          "meter 000000000003 refused function 11: error byte 01 [OTHER]; the meter may speak DL/T 645-1997");
    } finally {
      in.release();
    }
    ByteBuf wrongDi = Hex.buf(ERROR_REPLY_1997.wire());
    try {
      Dlt645ErrorReplyException error = Dlt645ErrorReplyException.of(decoder.decode(wrongDi), Dlt645Edition.V1997);
      assertThat(error.mayBeOtherEdition()).isFalse();
      assertThat(error.getMessage()).doesNotContain("may speak");
    } finally {
      wrongDi.release();
    }
  }

  @Test
  void securityAuthenticationErrorCarriesTheWord() {
    ByteBuf in = Hex.buf(SECURITY_ERROR_2007.wire());
    try {
      Dlt645ErrorReplyException error = Dlt645ErrorReplyException.of(decoder.decode(in), Dlt645Edition.V2007);
      assertThat(error.isSecurityError()).isTrue();
      assertThat(error.securityErrorWord()).isEqualTo(0x0004);
      assertThat(error.reasons()).isEmpty();
    } finally {
      in.release();
    }
  }

  @Test
  void encoderPrefixesWakeUpBytes() {
    Dlt645FrameEncoder withWakeUp = new Dlt645FrameEncoder(Dlt645CodecConfig.builder().wakeUpBytes(4).build());
    ByteBuf data = Hex.buf("00 00 01 00");
    ByteBuf out = Hex.buf(new byte[0]);
    try {
      withWakeUp.encode(Dlt645Address.of("000102030425"), 0x11, data, out);
      assertThat(Hex.dump(out)).isEqualTo("FE FE FE FE " + READ_REQUEST_2007.wire());
      assertThat(withWakeUp.encodedLength(4)).isEqualTo(out.readableBytes());
    } finally {
      data.release();
      out.release();
    }
  }

  @Test
  void readOnlyInputIsDecodedFromACopy() {
    ByteBuf in = Unpooled.wrappedBuffer(Hex.bytes(READ_REPLY_2007.wire())).asReadOnly();
    Dlt645Frame frame = decoder.decode(in);
    assertThat(Hex.dump(frame.data())).isEqualTo(READ_REPLY_2007.plainData());
    assertThat(in.getByte(10)).as("input untouched").isEqualTo((byte) 0x33);
  }
}
