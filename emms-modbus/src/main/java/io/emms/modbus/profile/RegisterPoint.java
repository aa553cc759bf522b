package io.emms.modbus.profile;

import io.emms.core.reading.Quantity;
import io.emms.modbus.client.RegisterRange;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueFormat;
import java.util.Objects;

/**
 * Where a meter keeps one quantity: a typed value in a register table, already scaled to the quantity's core unit
 * (so a meter that reports watts carries a scale of 0.001 to yield kW).
 *
 * @param quantity the quantity the registers hold
 * @param table the register table, holding or input registers
 * @param address the first register (PDU address, 0-based)
 * @param format the value's type, register order and scale to the core unit
 * @param description the register's name in the meter's documentation
 */
public record RegisterPoint(
    Quantity quantity, RegisterTable table, int address, ValueFormat format, String description) {

  public RegisterPoint {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(description, "description");
    if (table.bits()) {
      throw new IllegalArgumentException("a meter value lives in registers, not in " + table);
    }
    new RegisterRange(table, address, format.registers());
  }

  /** The registers this point occupies. */
  public RegisterRange range() {
    return new RegisterRange(table, address, format.registers());
  }
}
