package io.emms.modbus.pdu;

/**
 * Response to function 0x06 (write single register): an echo of the request.
 *
 * @param address the register address, 0..65535
 * @param value the value, 0..65535
 */
public record WriteSingleRegisterResponse(int address, int value) implements ModbusResponse {

  public WriteSingleRegisterResponse {
    Fields.requireU16("address", address);
    Fields.requireU16("value", value);
  }

  @Override
  public int functionCode() {
    return 0x06;
  }
}
