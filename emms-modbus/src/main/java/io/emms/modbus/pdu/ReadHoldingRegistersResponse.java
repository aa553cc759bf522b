package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x03 (read holding registers).
 *
 * @param registers 1..125 registers, two bytes each, big-endian; a view, see the package docs for ownership
 */
public record ReadHoldingRegistersResponse(ByteBuf registers) implements ModbusResponse, RegisterView {

  public ReadHoldingRegistersResponse {
    Fields.requireRegisters("registers", registers, 125);
  }

  /** A response carrying these register values (0..65535), in a heap buffer that needs no release. */
  public static ReadHoldingRegistersResponse of(int... values) {
    return new ReadHoldingRegistersResponse(Fields.packRegisters(values));
  }

  @Override
  public int functionCode() {
    return 0x03;
  }
}
