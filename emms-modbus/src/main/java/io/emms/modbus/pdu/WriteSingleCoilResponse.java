package io.emms.modbus.pdu;

/**
 * Response to function 0x05 (write single coil): an echo of the request.
 *
 * @param address the coil address, 0..65535
 * @param on the value written
 */
public record WriteSingleCoilResponse(int address, boolean on) implements ModbusResponse {

  public WriteSingleCoilResponse {
    Fields.requireU16("address", address);
  }

  @Override
  public int functionCode() {
    return 0x05;
  }
}
