package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.GoldenFrame;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ModbusPduDecoder;
import io.emms.modbus.pdu.ReadCoilsRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.emms.modbus.pdu.ModbusPdu;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RTU, MBAP and ASCII frames from published examples. The RTU frames ({@code golden/modbus-frames.vectors}) are
 * the worked examples of simplymodbus.ca and of the Modbus over Serial Line guide (01 03 00 00 00 0A C5 CD); their
 * CRCs are also checked against the bit-by-bit algorithm of the serial line spec (section 6.2.2), independent of
 * our table.
 */
class FramingGoldenTest {

  static Stream<Arguments> rtuFrames() {
    return GoldenFrame.load("modbus-frames.vectors").stream()
        .filter(f -> f.framing().equals("RTU"))
        .map(f -> Arguments.of(f.direction(), f.wire()));
  }

  /** The serial line spec's CRC, bit by bit: XOR the byte in, then 8 shifts, XOR 0xA001 when the LSB was 1. */
  static int referenceCrc(byte[] bytes, int length) {
    int crc = 0xFFFF;
    for (int i = 0; i < length; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rtuFrames")
  void rtuFrameDecodesAndItsCrcMatchesTheReference(Direction direction, String hex) throws Exception {
    byte[] bytes = Hex.bytes(hex);
    int crcOnWire = (bytes[bytes.length - 2] & 0xFF) | (bytes[bytes.length - 1] & 0xFF) << 8;
    assertThat(referenceCrc(bytes, bytes.length - 2)).isEqualTo(crcOnWire);
    assertThat(Crc16.compute(bytes, 0, bytes.length - 2)).isEqualTo(crcOnWire);

    RtuFrameDecoder decoder = new RtuFrameDecoder(direction);
    ByteBuf in = Hex.buf(hex);
    SerialFrame frame = decoder.decode(in);

    assertThat(frame).isNotNull();
    assertThat(frame.unitId()).isEqualTo(bytes[0] & 0xFF);
    assertThat(Hex.of(frame.pdu())).isEqualTo(hex.substring(3, hex.length() - 6));
    assertThat(in.isReadable()).isFalse();

    ModbusPdu pdu = ModbusPduDecoder.decode(frame.pdu(), direction);
    ByteBuf out = Unpooled.buffer();
    RtuFrameEncoder.encode(bytes[0] & 0xFF, pdu, out);
    assertThat(Hex.of(out)).isEqualTo(hex);
  }

  @Test
  void rtuResponseCarriesTheRegisters() throws Exception {
    // simplymodbus: registers 40108..40110 = AE41, 5652, 4340
    SerialFrame frame = new RtuFrameDecoder(Direction.RESPONSE).decode(Hex.buf("11 03 06 AE 41 56 52 43 40 49 AD"));
    ReadHoldingRegistersResponse r = (ReadHoldingRegistersResponse) ModbusPduDecoder.decodeResponse(frame.pdu());
    assertThat(r.registerValues()).containsExactly(0xAE41, 0x5652, 0x4340);
  }

  @Test
  void rtuExceptionResponseIsFiveBytes() {
    // 11 83 02: CRC by the reference algorithm (bit-by-bit, above) is 0xF1C1 -> C1 F1 on the wire.
    byte[] frame = Hex.bytes("11 83 02 00 00");
    int crc = referenceCrc(frame, 3);
    frame[3] = (byte) crc;
    frame[4] = (byte) (crc >>> 8);
    RtuFrameDecoder decoder = new RtuFrameDecoder(Direction.RESPONSE);
    ByteBuf in = Unpooled.wrappedBuffer(frame, Hex.bytes("11 03 00"));
    SerialFrame decoded = decoder.decode(in);
    assertThat(Hex.of(decoded.pdu())).isEqualTo("83 02");
    assertThat(in.readableBytes()).as("the next frame's start stays").isEqualTo(3);
  }

  @Test
  void rtuFifoReplyAndRawExceptionAreCutByLengthInOneRead() throws Exception {
    // Before 0x18 had a length rule the FIFO reply was skipped as junk; both frames arrive in one read here.
    RtuFrameDecoder decoder = new RtuFrameDecoder(Direction.RESPONSE);
    ByteBuf in = Hex.buf("11 18 00 06 00 02 01 B8 12 84 18 8D" + " 11 83 0C 40 F0");
    assertThat(Hex.of(decoder.decode(in).pdu())).isEqualTo("18 00 06 00 02 01 B8 12 84");
    assertThat(ModbusPduDecoder.decodeResponse(decoder.decode(in).pdu()))
        .isEqualTo(new ExceptionResponse(3, 0x0C));
    assertThat(in.isReadable()).isFalse();
  }

  @Test
  void mbapRequestAndResponse() throws Exception {
    // transaction 0x0001, protocol 0, length 6 = unit + 5-byte PDU, unit 0x11
    String request = GoldenFrame.named("mbap-read-holding-108-110").wire();
    MbapFrameDecoder decoder = new MbapFrameDecoder();
    MbapFrame frame = decoder.decode(Hex.buf(request));
    assertThat(frame.transactionId()).isEqualTo(1);
    assertThat(frame.unitId()).isEqualTo(0x11);
    assertThat(ModbusPduDecoder.decodeRequest(frame.pdu())).isEqualTo(new ReadHoldingRegistersRequest(0x6B, 3));

    ByteBuf out = Unpooled.buffer();
    MbapFrameEncoder.encode(1, 0x11, new ReadHoldingRegistersRequest(0x6B, 3), out);
    assertThat(Hex.of(out)).isEqualTo(request);

    // length 9 = unit + 8-byte PDU; transaction id 0xBEEF echoed
    String response = "BE EF 00 00 00 09 11 03 06 AE 41 56 52 43 40";
    out.clear();
    MbapFrameEncoder.encode(0xBEEF, 0x11, ReadHoldingRegistersResponse.of(0xAE41, 0x5652, 0x4340), out);
    assertThat(Hex.of(out)).isEqualTo(response);
    MbapFrame decoded = decoder.decode(Hex.buf(response));
    assertThat(decoded.transactionId()).isEqualTo(0xBEEF);
    assertThat(Hex.of(decoded.pdu())).isEqualTo("03 06 AE 41 56 52 43 40");
  }

  @Test
  void mbapDatagramMustHoldExactlyOneFrame() {
    MbapFrameDecoder decoder = new MbapFrameDecoder();
    assertThat(decoder.decodeDatagram(Hex.buf("00 07 00 00 00 06 01 01 00 00 00 08")).unitId()).isEqualTo(1);
    assertThat(decoder.decodeDatagram(Hex.buf("00 07 00 00 00 06 01 01 00 00 00"))).isNull(); // short
    assertThat(decoder.decodeDatagram(Hex.buf("00 07 00 00 00 06 01 01 00 00 00 08 00"))).isNull(); // long
    assertThat(decoder.decodeDatagram(Hex.buf("00 07 00 01 00 06 01 01 00 00 00 08"))).isNull(); // protocol 1
    assertThat(decoder.frames()).isEqualTo(1);
    assertThat(decoder.checksumErrors()).isEqualTo(3);
  }

  @Test
  void mbapLengthIsBounded() {
    // length 0x00FF = 255 > 254 (unit + 253-byte PDU): not a header, slide
    MbapFrameDecoder decoder = new MbapFrameDecoder();
    ByteBuf in = Hex.buf("00 01 00 00 00 FF 01 03");
    assertThat(decoder.decode(in)).isNull();
    assertThat(decoder.checksumErrors()).isGreaterThan(0);
    assertThat(in.readableBytes()).isLessThan(7);
  }

  @Test
  void asciiFrame() throws Exception {
    // LRC of 11 03 00 6B 00 03: 0x11 + 0x03 + 0x00 + 0x6B + 0x00 + 0x03 = 0x82; two's complement 0x100 - 0x82 = 0x7E
    String request = ":1103006B00037E\r\n";
    ByteBuf out = Unpooled.buffer();
    AsciiFrameEncoder.encode(0x11, new ReadHoldingRegistersRequest(0x6B, 3), out);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(request);

    AsciiFrameDecoder decoder = new AsciiFrameDecoder();
    SerialFrame frame = decoder.decode(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
    assertThat(frame.unitId()).isEqualTo(0x11);
    assertThat(ModbusPduDecoder.decodeRequest(frame.pdu())).isEqualTo(new ReadHoldingRegistersRequest(0x6B, 3));

    // 11 03 06 AE 41 56 52 43 40: sum = 17+3+6+174+65+86+82+67+64 = 564 = 0x234; 0x100 - 0x34 = 0xCC
    String response = ":110306AE4156524340CC\r\n";
    SerialFrame r = decoder.decode(Unpooled.copiedBuffer(response, StandardCharsets.US_ASCII).asReadOnly());
    assertThat(Hex.of(r.pdu())).isEqualTo("03 06 AE 41 56 52 43 40");
    // lowercase hex is accepted too; a wrong LRC is counted
    assertThat(decoder.decode(Unpooled.copiedBuffer(":010100000001fd\r\n", StandardCharsets.US_ASCII)).pdu())
        .isEqualTo(Hex.buf("01 00 00 00 01"));
    assertThat(decoder.decode(Unpooled.copiedBuffer(":010100000001FC\r\n", StandardCharsets.US_ASCII))).isNull();
    assertThat(decoder.checksumErrors()).isEqualTo(1);
    assertThat(new ReadCoilsRequest(0, 1)).isEqualTo(ModbusPduDecoder.decodeRequest(Hex.buf("01 00 00 00 01")));
  }

  @Test
  void rtuTimingFollowsTheSerialLineSpec() {
    // 9600 baud: 11 bits per character; 3.5 chars = 38.5 bits / 9600 = 4.0104 ms; 1.5 chars = 16.5 / 9600 = 1.71875
    assertThat(RtuTiming.interFrameDelayNanos(9600)).isEqualTo(4_010_417L);
    assertThat(RtuTiming.interCharacterTimeoutNanos(9600)).isEqualTo(1_718_750L);
    // 19200 is still computed: 38.5 / 19200 = 2.00521 ms
    assertThat(RtuTiming.interFrameDelayNanos(19_200)).isEqualTo(2_005_209L);
    // above 19200 fixed: 1750 us and 750 us
    assertThat(RtuTiming.interFrameDelayNanos(38_400)).isEqualTo(1_750_000L);
    assertThat(RtuTiming.interCharacterTimeoutNanos(115_200)).isEqualTo(750_000L);
  }
}
