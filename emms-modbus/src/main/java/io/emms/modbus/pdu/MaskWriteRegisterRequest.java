package io.emms.modbus.pdu;

/**
 * Function 0x16: mask write register; the server stores {@code (current AND andMask) OR (orMask AND NOT andMask)}.
 *
 * @param address the register address, 0..65535
 * @param andMask the AND mask, 0..65535
 * @param orMask the OR mask, 0..65535
 */
public record MaskWriteRegisterRequest(int address, int andMask, int orMask) implements ModbusRequest {

  public MaskWriteRegisterRequest {
    Fields.requireU16("address", address);
    Fields.requireU16("andMask", andMask);
    Fields.requireU16("orMask", orMask);
  }

  /** The value the server stores for a register that holds {@code current}. */
  public int apply(int current) {
    return (current & andMask) | (orMask & ~andMask & 0xFFFF);
  }

  @Override
  public int functionCode() {
    return 0x16;
  }
}
