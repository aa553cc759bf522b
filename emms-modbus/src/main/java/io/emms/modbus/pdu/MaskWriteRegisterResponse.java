package io.emms.modbus.pdu;

/**
 * Response to function 0x16 (mask write register): an echo of the request.
 *
 * @param address the register address, 0..65535
 * @param andMask the AND mask, 0..65535
 * @param orMask the OR mask, 0..65535
 */
public record MaskWriteRegisterResponse(int address, int andMask, int orMask) implements ModbusResponse {

  public MaskWriteRegisterResponse {
    Fields.requireU16("address", address);
    Fields.requireU16("andMask", andMask);
    Fields.requireU16("orMask", orMask);
  }

  @Override
  public int functionCode() {
    return 0x16;
  }
}
