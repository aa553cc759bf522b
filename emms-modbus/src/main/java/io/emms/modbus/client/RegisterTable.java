package io.emms.modbus.client;

/** The four Modbus data tables, with the function codes that read them and the protocol's per-read limit. */
public enum RegisterTable {
  COILS(0x01, 2000),
  DISCRETE_INPUTS(0x02, 2000),
  HOLDING_REGISTERS(0x03, 125),
  INPUT_REGISTERS(0x04, 125);

  private final int readFunction;
  private final int maxReadQuantity;

  RegisterTable(int readFunction, int maxReadQuantity) {
    this.readFunction = readFunction;
    this.maxReadQuantity = maxReadQuantity;
  }

  /** The function code that reads this table. */
  public int readFunction() {
    return readFunction;
  }

  /** The largest quantity one read may ask for (Modbus Application Protocol V1.1b3, §6.1–6.4). */
  public int maxReadQuantity() {
    return maxReadQuantity;
  }

  /** Whether items are single bits rather than 16-bit registers. */
  public boolean bits() {
    return this == COILS || this == DISCRETE_INPUTS;
  }
}
