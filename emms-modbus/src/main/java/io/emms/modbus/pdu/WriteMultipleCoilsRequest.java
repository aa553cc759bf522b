package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Function 0x0F: write multiple coils.
 *
 * @param address the first coil address
 * @param quantity how many coils, 1..{@value #MAX_QUANTITY}
 * @param bits exactly ceil(quantity / 8) bytes, LSB-first; a view, see the package docs for ownership
 */
public record WriteMultipleCoilsRequest(int address, int quantity, ByteBuf bits)
    implements ModbusRequest, BitView {

  /** The most coils one request may write. */
  public static final int MAX_QUANTITY = 1968;

  public WriteMultipleCoilsRequest {
    Fields.requireRange(address, quantity, MAX_QUANTITY);
    int bytes = (quantity + 7) >>> 3;
    Fields.requireBytes("bits", bits, bytes, bytes);
  }

  /** A request writing these values from {@code address} on, in a heap buffer that needs no release. */
  public static WriteMultipleCoilsRequest of(int address, boolean... values) {
    return new WriteMultipleCoilsRequest(address, values.length, Fields.packBits(values));
  }

  @Override
  public int functionCode() {
    return 0x0F;
  }
}
