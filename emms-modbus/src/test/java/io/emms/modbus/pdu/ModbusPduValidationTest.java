package io.emms.modbus.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantity and address limits of MBAP v1.1b3 section 6, and the exception a server answers for each violation. */
class ModbusPduValidationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // quantity 0 and quantity above the limit are ILLEGAL DATA VALUE (03)
    "01 00 00 00 00, ILLEGAL_DATA_VALUE",
    "01 00 00 07 D1, ILLEGAL_DATA_VALUE", // 2001 coils
    "02 00 00 07 D1, ILLEGAL_DATA_VALUE",
    "03 00 00 00 00, ILLEGAL_DATA_VALUE",
    "03 00 00 00 7E, ILLEGAL_DATA_VALUE", // 126 registers
    "04 00 00 00 7E, ILLEGAL_DATA_VALUE",
    // address + quantity past 0xFFFF is ILLEGAL DATA ADDRESS (02)
    "03 FF FF 00 02, ILLEGAL_DATA_ADDRESS",
    "01 FF F0 00 11, ILLEGAL_DATA_ADDRESS",
    // coil value other than FF00 / 0000
    "05 00 01 12 34, ILLEGAL_DATA_VALUE",
    // 0F: 1969 coils; byte count not ceil(quantity / 8); byte count not matching the PDU length
    "0F 00 00 07 B1 F7 00, ILLEGAL_DATA_VALUE",
    "0F 00 13 00 0A 01 CD, ILLEGAL_DATA_VALUE",
    "0F 00 13 00 0A 02 CD, ILLEGAL_DATA_VALUE",
    // 10: 124 registers; byte count 2 for 2 registers
    "10 00 00 00 7C F8 00, ILLEGAL_DATA_VALUE",
    "10 00 01 00 02 02 00 0A, ILLEGAL_DATA_VALUE",
    "10 FF FF 00 02 04 00 0A 01 02, ILLEGAL_DATA_ADDRESS",
    // 17: 122 registers to write; 126 to read
    "17 00 00 00 01 00 00 00 7A F4 00, ILLEGAL_DATA_VALUE",
    "17 00 00 00 7E 00 00 00 01 02 00 01, ILLEGAL_DATA_VALUE",
    // truncated and over-long PDUs
    "03 00 6B 00, ILLEGAL_DATA_VALUE",
    "03 00 6B 00 03 00, ILLEGAL_DATA_VALUE",
    "07 00, ILLEGAL_DATA_VALUE",
    "08 00 00 A5, ILLEGAL_DATA_VALUE",
    "16 00 04 00 F2 00, ILLEGAL_DATA_VALUE",
    // 14: byte count not a multiple of 7; reference type 5; file 0; record 9999 + 2 past the last record
    "14 08 06 00 04 00 01 00 02 00, ILLEGAL_DATA_VALUE",
    "14 07 05 00 04 00 01 00 02, ILLEGAL_DATA_ADDRESS",
    "14 07 06 00 00 00 01 00 02, ILLEGAL_DATA_ADDRESS",
    "14 07 06 00 04 27 0F 00 02, ILLEGAL_DATA_ADDRESS",
    // 14: record length 0; 130 registers whose answer cannot fit one PDU
    "14 07 06 00 04 00 01 00 00, ILLEGAL_DATA_VALUE",
    "14 07 06 00 04 00 01 00 82, ILLEGAL_DATA_VALUE",
    // 15: record length 3 with 2 registers of data; data length below 9
    "15 0B 06 00 04 00 07 00 03 06 AF 04 BE, ILLEGAL_DATA_VALUE",
    "15 07 06 00 04 00 07 00 00, ILLEGAL_DATA_VALUE",
    // 18: pointer address truncated
    "18 04, ILLEGAL_DATA_VALUE",
    // device id code 05 does not exist
    "2B 0E 05 00, ILLEGAL_DATA_VALUE",
    // exception bit set or zero in a request
    "83 02, ILLEGAL_FUNCTION",
    "00, ILLEGAL_FUNCTION"
  })
  void rejectsBadRequestsWithTheExceptionToAnswer(String hex, ExceptionCode expected) {
    int fc = Hex.bytes(hex)[0] & 0xFF;
    assertThatThrownBy(() -> ModbusPduDecoder.decodeRequest(Hex.buf(hex)))
        .isInstanceOfSatisfying(ModbusDecodeException.class, e -> {
          assertThat(e.exceptionCode()).isEqualTo(expected);
          assertThat(e.functionCode()).isEqualTo(fc);
        });
  }

  @ParameterizedTest
  @CsvSource({
    "03 05 00 01 00 02 00", // odd byte count for registers
    "03 02 00", // byte count longer than the data
    "01 00", // zero byte count
    "14 0C 04 06 0D FE 00 20 05 06 33 CD 00 40", // even sub-response length
    "14 0C 05 07 0D FE 00 20 05 06 33 CD 00 40", // reference type 7
    "14 0C 05 06 0D FE 00 20 07 06 33 CD 00 40", // sub-response past the end
    "18 00 06 00 03 01 B8 12 84", // FIFO count disagrees with the byte count
    "18 00 42 00 20", // FIFO count 32 (above 31) without its data
    "81", // exception without code
    "81 00", // exception code 0
    "80 01", // exception for function 0
    "0C 04 00 00 00 00", // event log byte count below 6
    "2B 0E 01 01 07 00 00", // more-follows neither 00 nor FF
    "2B 0E 01 01 00 00 02 00 01 41", // two objects announced, one present
    "2B 0E 01 01 00 00 01 00 05 41" // object length beyond the PDU
  })
  void rejectsBadResponses(String hex) {
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf(hex)))
        .isInstanceOf(ModbusDecodeException.class);
  }

  @Test
  void anExceptionCodeOutsideTheListIsKeptRaw() throws Exception {
    ModbusResponse refusal = ModbusPduDecoder.decodeResponse(Hex.buf("81 09"), new ReadCoilsRequest(0, 1));
    assertThat(refusal).isInstanceOfSatisfying(ExceptionResponse.class, e -> {
      assertThat(e.functionCode()).isEqualTo(1);
      assertThat(e.code()).isEqualTo(9);
      assertThat(e.exceptionCode()).isNull();
      assertThat(e.isStandard()).isFalse();
    });
    assertThat(new ExceptionResponse(3, ExceptionCode.ILLEGAL_DATA_ADDRESS).isStandard()).isTrue();
  }

  @Test
  void fileRecordAndFifoResponsesMustAnswerTheirRequests() throws Exception {
    ReadFileRecordRequest twoSpans = new ReadFileRecordRequest(
        List.of(new FileRecordReference(4, 1, 2), new FileRecordReference(3, 9, 2)));
    assertThat(ModbusPduDecoder.decodeResponse(Hex.buf("14 0C 05 06 0D FE 00 20 05 06 33 CD 00 40"), twoSpans))
        .isInstanceOfSatisfying(ReadFileRecordResponse.class, r -> assertThat(r.register(1, 0)).isEqualTo(0x33CD));
    // one sub-response to two sub-requests; a sub-response of one register where two were asked for
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf("14 06 05 06 0D FE 00 20"), twoSpans))
        .isInstanceOf(ModbusDecodeException.class);
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(
            Hex.buf("14 0A 05 06 0D FE 00 20 03 06 33 CD"), twoSpans))
        .isInstanceOf(ModbusDecodeException.class);
    // a write echo with other data
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(
            Hex.buf("15 0D 06 00 04 00 07 00 03 06 AF 04 BE 10 0E"), WriteFileRecordRequest.of(4, 7, 0x6AF, 0x4BE, 0x100D)))
        .isInstanceOf(ModbusDecodeException.class);
  }

  @Test
  void emptyPduIsATypedError() {
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf("")))
        .isInstanceOfSatisfying(ModbusDecodeException.class, e -> assertThat(e.functionCode()).isEqualTo(-1));
  }

  @Test
  void limitsAreAcceptedAtTheBoundary() throws Exception {
    // 2000 coils from 0xF830 ends exactly at 0xFFFF; 125 registers; 1968 coils written (byte count 246 = 0xF6)
    assertThat(ModbusPduDecoder.decodeRequest(Hex.buf("01 F8 30 07 D0"))).isEqualTo(new ReadCoilsRequest(0xF830, 2000));
    assertThat(ModbusPduDecoder.decodeRequest(Hex.buf("03 FF 83 00 7D")))
        .isEqualTo(new ReadHoldingRegistersRequest(0xFF83, 125));
    ModbusRequest coils = ModbusPduDecoder.decodeRequest(Hex.buf("0F 00 00 07 B0 F6" + " 00".repeat(246)));
    assertThat(((WriteMultipleCoilsRequest) coils).quantity()).isEqualTo(1968);
  }

  @Test
  void responseMustAnswerItsRequest() throws Exception {
    ReadHoldingRegistersRequest request = new ReadHoldingRegistersRequest(0x6B, 3);
    assertThat(ModbusPduDecoder.decodeResponse(Hex.buf("03 06 02 2B 00 00 00 64"), request))
        .isInstanceOfSatisfying(ReadHoldingRegistersResponse.class, r -> {
          assertThat(r.registerCount()).isEqualTo(3);
          assertThat(r.register(0)).isEqualTo(555);
          assertThat(r.register(2)).isEqualTo(100);
        });
    assertThat(ModbusPduDecoder.decodeResponse(Hex.buf("83 02"), request))
        .isEqualTo(new ExceptionResponse(3, ExceptionCode.ILLEGAL_DATA_ADDRESS));
    // two registers instead of three; another function; a coil echo for another address
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf("03 04 02 2B 00 00"), request))
        .isInstanceOf(ModbusDecodeException.class);
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf("04 06 02 2B 00 00 00 64"), request))
        .isInstanceOf(ModbusDecodeException.class);
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(
            Hex.buf("05 00 AD FF 00"), new WriteSingleCoilRequest(0xAC, true)))
        .isInstanceOf(ModbusDecodeException.class);
    // 19 coils need 3 bytes
    assertThatThrownBy(() -> ModbusPduDecoder.decodeResponse(Hex.buf("01 02 CD 6B"), new ReadCoilsRequest(0x13, 19)))
        .isInstanceOf(ModbusDecodeException.class);
  }

  @Test
  void recordsRejectOutOfRangeValues() {
    assertThatThrownBy(() -> new ReadHoldingRegistersRequest(0, 126)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadCoilsRequest(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WriteSingleRegisterRequest(0, 0x10000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WriteMultipleCoilsRequest(0, 9, Hex.buf("FF"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExceptionResponse(0x83, ExceptionCode.ILLEGAL_FUNCTION))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExceptionResponse(3, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExceptionResponse(3, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FileRecordReference(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FileRecordReference(1, 9999, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadFileRecordRequest.of(1, 0, 122)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadFileRecordRequest(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WriteFileRecordRequest.of(1, 0, new int[123])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReadFifoQueueResponse.of(new int[32])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bitAndRegisterViewsReadInPlace() {
    // 6.1: CD = 1100 1101 -> coils 20..27 = 1,0,1,1,0,0,1,1 (LSB first)
    ReadCoilsResponse coils = new ReadCoilsResponse(Hex.buf("CD 6B 05"));
    assertThat(coils.bitValues(8)).containsExactly(true, false, true, true, false, false, true, true);
    assertThat(coils.bit(16)).isTrue(); // 05: coil 36 on
    assertThat(coils.bit(17)).isFalse();
    assertThat(ReadCoilsResponse.of(true, false, true, true, false, false, true, true, true)).isEqualTo(
        new ReadCoilsResponse(Hex.buf("CD 01")));
    assertThat(new MaskWriteRegisterRequest(4, 0xF2, 0x25).apply(0x12)).isEqualTo(0x17); // spec 6.16 result
  }
}
