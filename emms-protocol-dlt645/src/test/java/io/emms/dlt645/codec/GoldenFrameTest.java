package io.emms.dlt645.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Frames from the reference notes (checksums verified there) and frames worked out by hand from the frame rules,
 * kept as data in {@code golden/dlt645-2007.frames} and {@code golden/dlt645-1997.frames}, each citing its source.
 * Each is decoded, and encoded from its plain DATA to the same bytes.
 */
class GoldenFrameTest {

  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final Dlt645FrameEncoder encoder = new Dlt645FrameEncoder();

  private static final List<GoldenFrame> ALL = Stream.concat(
      GoldenFrame.load("dlt645-2007.frames").stream(), GoldenFrame.load("dlt645-1997.frames").stream()).toList();
  private static final GoldenFrame READ_REQUEST_2007 =
      GoldenFrame.named("dlt645-2007.frames", "read-request-forward-active-total");
  private static final GoldenFrame READ_REPLY_2007 = GoldenFrame.readReply2007();
  private static final GoldenFrame SECURITY_ERROR_2007 =
      GoldenFrame.named("dlt645-2007.frames", "security-error-reply");
  private static final GoldenFrame ERROR_REPLY_1997 = GoldenFrame.named("dlt645-1997.frames", "error-reply-wrong-di");

  @Test
  void everyGoldenFrameDecodes() {
    for (GoldenFrame golden : ALL) {
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
    for (GoldenFrame golden : ALL) {
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
