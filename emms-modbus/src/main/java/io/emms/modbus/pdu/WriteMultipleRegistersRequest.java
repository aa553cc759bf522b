package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Function 0x10: write multiple holding registers.
 *
 * @param address the first register address
 * @param registers 1..{@value #MAX_QUANTITY} registers, big-endian; a view, see the package docs for ownership
 */
public record WriteMultipleRegistersRequest(int address, ByteBuf registers)
    implements ModbusRequest, RegisterView {

  /** The most registers one request may write. */
  public static final int MAX_QUANTITY = 123;

  public WriteMultipleRegistersRequest {
    Fields.requireRegisters("registers", registers, MAX_QUANTITY);
    Fields.requireRange(address, registers.readableBytes() >>> 1, MAX_QUANTITY);
  }

  /** A request writing these values (0..65535), in a heap buffer that needs no release. */
  public static WriteMultipleRegistersRequest of(int address, int... values) {
    return new WriteMultipleRegistersRequest(address, Fields.packRegisters(values));
  }

  /** How many registers are written. */
  public int quantity() {
    return registerCount();
  }

  @Override
  public int functionCode() {
    return 0x10;
  }
}
