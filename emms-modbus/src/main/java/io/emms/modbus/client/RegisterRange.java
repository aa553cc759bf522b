package io.emms.modbus.client;

import java.util.Objects;

/**
 * A run of consecutive items in one table.
 *
 * @param table the data table
 * @param address the first item, 0..65535 (the PDU address, not a "40001"-style reference number)
 * @param count how many items, at least 1; the range must end at or below 65536
 */
public record RegisterRange(RegisterTable table, int address, int count) {

  public RegisterRange {
    Objects.requireNonNull(table, "table");
    if (address < 0 || address > 0xFFFF) {
      throw new IllegalArgumentException("address must be 0..65535, got " + address);
    }
    if (count < 1 || address + count > 0x10000) {
      throw new IllegalArgumentException("count " + count + " at " + address + " leaves the address space");
    }
  }

  /** The address after the last item. */
  public int end() {
    return address + count;
  }

  /** Whether {@code other} lies wholly inside this range. */
  public boolean contains(RegisterRange other) {
    return table == other.table && other.address >= address && other.end() <= end();
  }
}
