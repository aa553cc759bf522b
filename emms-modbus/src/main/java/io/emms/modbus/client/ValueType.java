package io.emms.modbus.client;

/** The number types meters spread over 16-bit registers. */
public enum ValueType {
  INT16(1, true, false),
  UINT16(1, false, false),
  INT32(2, true, false),
  UINT32(2, false, false),
  INT64(4, true, false),
  FLOAT32(2, true, true),
  FLOAT64(4, true, true);

  private final int registers;
  private final boolean signed;
  private final boolean floating;

  ValueType(int registers, boolean signed, boolean floating) {
    this.registers = registers;
    this.signed = signed;
    this.floating = floating;
  }

  /** How many consecutive registers one value occupies. */
  public int registers() {
    return registers;
  }

  /** Whether the type holds negative numbers. */
  public boolean signed() {
    return signed;
  }

  /** Whether the type is IEEE 754 binary floating point. */
  public boolean floating() {
    return floating;
  }
}
