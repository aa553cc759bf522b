package io.emms.modbus.pdu;

/**
 * Function 0x03: read holding registers.
 *
 * @param address the first address, 0-based as on the wire
 * @param quantity how many to read, 1..{@value #MAX_QUANTITY}
 */
public record ReadHoldingRegistersRequest(int address, int quantity) implements ModbusRequest {

  /** The most one request may read. */
  public static final int MAX_QUANTITY = 125;

  public ReadHoldingRegistersRequest {
    Fields.requireRange(address, quantity, MAX_QUANTITY);
  }

  @Override
  public int functionCode() {
    return 0x03;
  }
}
