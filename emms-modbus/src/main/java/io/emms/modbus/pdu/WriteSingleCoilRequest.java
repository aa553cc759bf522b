package io.emms.modbus.pdu;

/**
 * Function 0x05: write a single coil (0xFF00 on the wire for on, 0x0000 for off).
 *
 * @param address the coil address, 0..65535
 * @param on the value to write
 */
public record WriteSingleCoilRequest(int address, boolean on) implements ModbusRequest {

  public WriteSingleCoilRequest {
    Fields.requireU16("address", address);
  }

  @Override
  public int functionCode() {
    return 0x05;
  }
}
