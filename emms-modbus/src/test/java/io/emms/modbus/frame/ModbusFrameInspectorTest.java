package io.emms.modbus.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModbusFrameInspectorTest {

  @Test
  void rtuFrameWithGoodCrc() {
    InspectedFrame f = ModbusFrameInspector.inspect(Hex.bytes("01 03 00 00 00 0A C5 CD"), Framing.RTU, Direction.REQUEST);
    assertThat(f.ok()).isTrue();
    assertThat(f.checksumOk()).isTrue();
    assertThat(f.unitId()).isEqualTo(1);
    assertThat(f.transactionId()).isEmpty();
    assertThat(f.pdu()).isEqualTo(new ReadHoldingRegistersRequest(0, 10));
  }

  @Test
  void rtuFrameWithBadCrcIsStillShown() {
    InspectedFrame f = ModbusFrameInspector.inspect(Hex.bytes("01 03 00 00 00 0A C5 CE"), Framing.RTU, Direction.REQUEST);
    assertThat(f.checksumOk()).isFalse();
    assertThat(f.pdu()).isEqualTo(new ReadHoldingRegistersRequest(0, 10));
    assertThat(f.problem()).contains("CRC CDC5");
  }

  @Test
  void tcpFrame() {
    InspectedFrame f = ModbusFrameInspector.inspect(
        Hex.bytes("00 2A 00 00 00 09 11 03 06 02 2B 00 00 00 64"), Framing.TCP, Direction.RESPONSE);
    assertThat(f.ok()).isTrue();
    assertThat(f.transactionId()).hasValue(42);
    assertThat(f.unitId()).isEqualTo(0x11);
    assertThat(f.pdu()).isEqualTo(ReadHoldingRegistersResponse.of(555, 0, 100));
    InspectedFrame bad = ModbusFrameInspector.inspect(Hex.bytes("00 2A 00 00 00 05 11 83 02"), Framing.TCP, Direction.RESPONSE);
    assertThat(bad.checksumOk()).isFalse();
    assertThat(bad.problem()).contains("MBAP length 5");
    assertThat(bad.pdu()).isEqualTo(new ExceptionResponse(3, ExceptionCode.ILLEGAL_DATA_ADDRESS));
  }

  @Test
  void asciiFrameAndUndecodablePdu() {
    InspectedFrame f = ModbusFrameInspector.inspect(
        ":1103006B00037E\r\n".getBytes(StandardCharsets.US_ASCII), Framing.ASCII, Direction.REQUEST);
    assertThat(f.pdu()).isEqualTo(new ReadHoldingRegistersRequest(0x6B, 3));
    // FC03 for 0 registers: the CRC is fine (computed bit by bit), the PDU is not
    byte[] rtu = Hex.bytes("01 03 00 00 00 00 00 00");
    int crc = FramingGoldenTest.referenceCrc(rtu, 6);
    rtu[6] = (byte) crc;
    rtu[7] = (byte) (crc >>> 8);
    InspectedFrame zero = ModbusFrameInspector.inspect(rtu, Framing.RTU, Direction.REQUEST);
    assertThat(zero.checksumOk()).isTrue();
    assertThat(zero.pdu()).isNull();
    assertThat(zero.problem()).contains("quantity 0");
    assertThat(ModbusFrameInspector.inspect(Hex.bytes("01 03"), Framing.RTU, Direction.REQUEST).ok()).isFalse();
  }
}
