package io.emms.modbus.pdu;

/**
 * Response to function 0x10 (write multiple registers).
 *
 * @param address the first register address written
 * @param quantity how many registers were written
 */
public record WriteMultipleRegistersResponse(int address, int quantity) implements ModbusResponse {

  public WriteMultipleRegistersResponse {
    Fields.requireRange(address, quantity, WriteMultipleRegistersRequest.MAX_QUANTITY);
  }

  @Override
  public int functionCode() {
    return 0x10;
  }
}
