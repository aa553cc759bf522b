package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Function 0x17: read/write multiple registers; the server writes first, then reads.
 *
 * @param readAddress the first register to read
 * @param readQuantity how many to read, 1..{@value #MAX_READ_QUANTITY}
 * @param writeAddress the first register to write
 * @param registers 1..{@value #MAX_WRITE_QUANTITY} registers to write, big-endian; a view, see the package docs
 */
public record ReadWriteMultipleRegistersRequest(
    int readAddress, int readQuantity, int writeAddress, ByteBuf registers)
    implements ModbusRequest, RegisterView {

  /** The most registers one request may read. */
  public static final int MAX_READ_QUANTITY = 125;

  /** The most registers one request may write. */
  public static final int MAX_WRITE_QUANTITY = 121;

  public ReadWriteMultipleRegistersRequest {
    Fields.requireRange(readAddress, readQuantity, MAX_READ_QUANTITY);
    Fields.requireRegisters("registers", registers, MAX_WRITE_QUANTITY);
    Fields.requireRange(writeAddress, registers.readableBytes() >>> 1, MAX_WRITE_QUANTITY);
  }

  /** A request writing these values (0..65535), in a heap buffer that needs no release. */
  public static ReadWriteMultipleRegistersRequest of(
      int readAddress, int readQuantity, int writeAddress, int... values) {
    return new ReadWriteMultipleRegistersRequest(
        readAddress, readQuantity, writeAddress, Fields.packRegisters(values));
  }

  /** How many registers are written. */
  public int writeQuantity() {
    return registerCount();
  }

  @Override
  public int functionCode() {
    return 0x17;
  }
}
