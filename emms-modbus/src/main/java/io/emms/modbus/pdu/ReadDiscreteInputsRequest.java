package io.emms.modbus.pdu;

/**
 * Function 0x02: read discrete inputs.
 *
 * @param address the first address, 0-based as on the wire
 * @param quantity how many to read, 1..{@value #MAX_QUANTITY}
 */
public record ReadDiscreteInputsRequest(int address, int quantity) implements ModbusRequest {

  /** The most one request may read. */
  public static final int MAX_QUANTITY = 2000;

  public ReadDiscreteInputsRequest {
    Fields.requireRange(address, quantity, MAX_QUANTITY);
  }

  @Override
  public int functionCode() {
    return 0x02;
  }
}
