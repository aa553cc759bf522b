package io.emms.modbus.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function code, both directions, against the worked examples of the Modbus Application Protocol
 * Specification v1.1b3 section 6 (the hex below is copied from those tables, not produced by our encoder).
 */
class ModbusPduGoldenTest {

  static Stream<Arguments> vectors() {
    return Stream.of(
        // 6.1 Read Coils 20-38: starting address 0x0013, quantity 0x0013; coils 27-20 = CD, 35-28 = 6B, 38-36 = 05.
        req("01 00 13 00 13", new ReadCoilsRequest(0x13, 0x13)),
        rsp("01 03 CD 6B 05", new ReadCoilsResponse(Hex.buf("CD 6B 05"))),
        // 6.2 Read Discrete Inputs 197-218: address 0x00C4, quantity 0x0016.
        req("02 00 C4 00 16", new ReadDiscreteInputsRequest(0xC4, 0x16)),
        rsp("02 03 AC DB 35", new ReadDiscreteInputsResponse(Hex.buf("AC DB 35"))),
        // 6.3 Read Holding Registers 108-110: registers 0x022B (555), 0x0000, 0x0064 (100).
        req("03 00 6B 00 03", new ReadHoldingRegistersRequest(0x6B, 3)),
        rsp("03 06 02 2B 00 00 00 64", ReadHoldingRegistersResponse.of(555, 0, 100)),
        // 6.4 Read Input Register 9: value 0x000A.
        req("04 00 08 00 01", new ReadInputRegistersRequest(8, 1)),
        rsp("04 02 00 0A", ReadInputRegistersResponse.of(10)),
        // 6.5 Write Single Coil 173 ON: FF 00 means on; the response echoes.
        req("05 00 AC FF 00", new WriteSingleCoilRequest(0xAC, true)),
        rsp("05 00 AC FF 00", new WriteSingleCoilResponse(0xAC, true)),
        req("05 00 AC 00 00", new WriteSingleCoilRequest(0xAC, false)),
        // 6.6 Write Single Register 2 = 0x0003.
        req("06 00 01 00 03", new WriteSingleRegisterRequest(1, 3)),
        rsp("06 00 01 00 03", new WriteSingleRegisterResponse(1, 3)),
        // 6.7 Read Exception Status: outputs 0x6D.
        req("07", new ReadExceptionStatusRequest()),
        rsp("07 6D", new ReadExceptionStatusResponse(0x6D)),
        // 6.8 Diagnostics, sub-function 00 Return Query Data with A5 37, echoed.
        req("08 00 00 A5 37", new DiagnosticsRequest(0, Hex.buf("A5 37"))),
        rsp("08 00 00 A5 37", new DiagnosticsResponse(0, Hex.buf("A5 37"))),
        // Serial line spec 6.8.1 sub-function 0x0B Return Bus Message Count: request data 0000, response the count.
        req("08 00 0B 00 00", DiagnosticsRequest.of(DiagnosticSubFunction.RETURN_BUS_MESSAGE_COUNT, 0)),
        rsp("08 00 0B 01 2C", DiagnosticsResponse.of(DiagnosticSubFunction.RETURN_BUS_MESSAGE_COUNT, 300)),
        // 6.9 Get Comm Event Counter: status FFFF (busy), count 0x0108.
        req("0B", new GetCommEventCounterRequest()),
        rsp("0B FF FF 01 08", new GetCommEventCounterResponse(0xFFFF, 0x108)),
        // 6.10 Get Comm Event Log: byte count 8, status 0000, events 0108, messages 0121, events 20 00.
        req("0C", new GetCommEventLogRequest()),
        rsp("0C 08 00 00 01 08 01 21 20 00", new GetCommEventLogResponse(0, 0x108, 0x121, Hex.buf("20 00"))),
        // 6.11 Write Multiple Coils 20-29: quantity 10, 2 bytes CD 01.
        req("0F 00 13 00 0A 02 CD 01", new WriteMultipleCoilsRequest(0x13, 10, Hex.buf("CD 01"))),
        rsp("0F 00 13 00 0A", new WriteMultipleCoilsResponse(0x13, 10)),
        // 6.12 Write Multiple Registers 2-3 with 0x000A, 0x0102.
        req("10 00 01 00 02 04 00 0A 01 02", WriteMultipleRegistersRequest.of(1, 0x000A, 0x0102)),
        rsp("10 00 01 00 02", new WriteMultipleRegistersResponse(1, 2)),
        // 6.13 Report Server ID: the content is device specific; byte count 3, id 0x2A, run indicator FF, 01.
        req("11", new ReportServerIdRequest()),
        rsp("11 03 2A FF 01", new ReportServerIdResponse(Hex.buf("2A FF 01"))),
        // 6.16 Mask Write Register 4: AND 0x00F2, OR 0x0025; echoed.
        req("16 00 04 00 F2 00 25", new MaskWriteRegisterRequest(4, 0xF2, 0x25)),
        rsp("16 00 04 00 F2 00 25", new MaskWriteRegisterResponse(4, 0xF2, 0x25)),
        // 6.17 Read/Write Multiple Registers: read 6 from 3, write 3 (00FF each) at 14; reads 00FE 0ACD 0001 0003
        // 000D 00FF.
        req("17 00 03 00 06 00 0E 00 03 06 00 FF 00 FF 00 FF",
            ReadWriteMultipleRegistersRequest.of(3, 6, 14, 0xFF, 0xFF, 0xFF)),
        rsp("17 0C 00 FE 0A CD 00 01 00 03 00 0D 00 FF",
            ReadWriteMultipleRegistersResponse.of(0xFE, 0xACD, 1, 3, 0xD, 0xFF)),
        // 6.21 Read Device Identification, basic stream from object 0.
        req("2B 0E 01 00", new ReadDeviceIdentificationRequest(ReadDeviceIdCode.BASIC, 0)),
        // Response: conformity 01, no more follows, next 00, 3 objects; lengths 0x16 = 22, 0x0F = 15, 0x05 = 5.
        rsp("2B 0E 01 01 00 00 03 00 16 " + Hex.ascii("Company identification") + " 01 0F "
                + Hex.ascii("Product code XX") + " 02 05 " + Hex.ascii("V2.11"),
            new ReadDeviceIdentificationResponse(ReadDeviceIdCode.BASIC, 1, false, 0, List.of(
                DeviceIdObject.of(0, "Company identification"),
                DeviceIdObject.of(1, "Product code XX"),
                DeviceIdObject.of(2, "V2.11")))),
        // More follows (FF) with the next object id 02, individual access.
        req("2B 0E 04 81", new ReadDeviceIdentificationRequest(ReadDeviceIdCode.INDIVIDUAL, 0x81)),
        rsp("2B 0E 03 83 FF 02 01 00 01 41", new ReadDeviceIdentificationResponse(
            ReadDeviceIdCode.EXTENDED, 0x83, true, 2, List.of(DeviceIdObject.of(0, "A")))),
        // 7 Exceptions: function 0x01 | 0x80, code 02 (spec example); every defined code.
        rsp("81 02", new ExceptionResponse(1, ExceptionCode.ILLEGAL_DATA_ADDRESS)),
        rsp("83 01", new ExceptionResponse(3, ExceptionCode.ILLEGAL_FUNCTION)),
        rsp("84 03", new ExceptionResponse(4, ExceptionCode.ILLEGAL_DATA_VALUE)),
        rsp("90 04", new ExceptionResponse(0x10, ExceptionCode.SERVER_DEVICE_FAILURE)),
        rsp("86 05", new ExceptionResponse(6, ExceptionCode.ACKNOWLEDGE)),
        rsp("86 06", new ExceptionResponse(6, ExceptionCode.SERVER_DEVICE_BUSY)),
        rsp("86 07", new ExceptionResponse(6, ExceptionCode.NEGATIVE_ACKNOWLEDGE)),
        rsp("94 08", new ExceptionResponse(0x14, ExceptionCode.MEMORY_PARITY_ERROR)),
        rsp("83 0A", new ExceptionResponse(3, ExceptionCode.GATEWAY_PATH_UNAVAILABLE)),
        rsp("83 0B", new ExceptionResponse(3, ExceptionCode.GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND)),
        rsp("AB 01", new ExceptionResponse(0x2B, ExceptionCode.ILLEGAL_FUNCTION)),
        // User-defined function 65 (0x41) and MEI 0x0D (CANopen) go the raw path.
        req("41 01 02 03", new RawPdu(0x41, Hex.buf("01 02 03"))),
        rsp("41", new RawPdu(0x41, Hex.buf(""))),
        req("2B 0D 00 01", new RawPdu(0x2B, Hex.buf("0D 00 01"))));
  }

  private static Arguments req(String hex, ModbusPdu pdu) {
    return Arguments.of(Direction.REQUEST, hex, pdu);
  }

  private static Arguments rsp(String hex, ModbusPdu pdu) {
    return Arguments.of(Direction.RESPONSE, hex, pdu);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void decodesTheSpecExample(Direction direction, String hex, ModbusPdu expected) throws Exception {
    ByteBuf wire = Hex.buf(hex);
    int readerIndex = wire.readerIndex();

    ModbusPdu decoded = ModbusPduDecoder.decode(wire, direction);

    assertThat(decoded).isEqualTo(expected);
    assertThat(wire.readerIndex()).as("decoder leaves the input's indices alone").isEqualTo(readerIndex);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void encodesTheSpecExample(Direction direction, String hex, ModbusPdu pdu) {
    ByteBuf out = Unpooled.buffer(8);
    out.writeByte(0x99); // something already in the buffer must stay in front

    int written = ModbusPduEncoder.encode(pdu, out);

    assertThat(Hex.of(out)).isEqualTo("99 " + hex);
    assertThat(written).isEqualTo(Hex.bytes(hex).length);
    assertThat(pdu instanceof ModbusRequest == (direction == Direction.REQUEST) || pdu instanceof RawPdu).isTrue();
  }
}
