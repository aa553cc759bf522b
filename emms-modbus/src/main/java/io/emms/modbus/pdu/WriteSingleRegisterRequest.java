package io.emms.modbus.pdu;

/**
 * Function 0x06: write a single holding register.
 *
 * @param address the register address, 0..65535
 * @param value the value, 0..65535
 */
public record WriteSingleRegisterRequest(int address, int value) implements ModbusRequest {

  public WriteSingleRegisterRequest {
    Fields.requireU16("address", address);
    Fields.requireU16("value", value);
  }

  @Override
  public int functionCode() {
    return 0x06;
  }
}
