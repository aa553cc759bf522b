package io.emms.modbus.pdu;

/**
 * Response to function 0x0F (write multiple coils).
 *
 * @param address the first coil address written
 * @param quantity how many coils were written
 */
public record WriteMultipleCoilsResponse(int address, int quantity) implements ModbusResponse {

  public WriteMultipleCoilsResponse {
    Fields.requireRange(address, quantity, WriteMultipleCoilsRequest.MAX_QUANTITY);
  }

  @Override
  public int functionCode() {
    return 0x0F;
  }
}
