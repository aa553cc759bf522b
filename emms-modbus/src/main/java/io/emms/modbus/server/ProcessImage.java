package io.emms.modbus.server;

import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueFormat;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Objects;

/**
 * The four data tables a Modbus server exposes, each starting at address 0. Registers are held as the bytes that
 * travel on the wire, so reads copy straight into a response buffer and typed values are written in place.
 *
 * <p>Thread-safe: every method locks the image, so a multi-register value is never read half-updated.
 */
public final class ProcessImage {

  private final BitSet coils;
  private final BitSet discreteInputs;
  private final byte[] holdingRegisters;
  private final byte[] inputRegisters;
  private final int[] sizes;

  /** An image with {@code size} items in every table. */
  public ProcessImage(int size) {
    this(size, size, size, size);
  }

  /** An image with the given number of items per table (0 for a table the device does not have). */
  public ProcessImage(int coils, int discreteInputs, int holdingRegisters, int inputRegisters) {
    this.sizes = new int[] {check(coils), check(discreteInputs), check(holdingRegisters), check(inputRegisters)};
    this.coils = new BitSet(coils);
    this.discreteInputs = new BitSet(discreteInputs);
    this.holdingRegisters = new byte[2 * holdingRegisters];
    this.inputRegisters = new byte[2 * inputRegisters];
  }

  private static int check(int size) {
    if (size < 0 || size > 0x10000) {
      throw new IllegalArgumentException("table size must be 0..65536, got " + size);
    }
    return size;
  }

  /** How many items {@code table} holds. */
  public int size(RegisterTable table) {
    return sizes[table.ordinal()];
  }

  /** Whether items {@code address .. address+count-1} all exist in {@code table}. */
  public boolean contains(RegisterTable table, int address, int count) {
    return address >= 0 && count >= 0 && address + count <= size(table);
  }

  public synchronized boolean bit(RegisterTable table, int address) {
    checkRange(table, address, 1);
    return bits(table).get(address);
  }

  public synchronized void setBit(RegisterTable table, int address, boolean value) {
    checkRange(table, address, 1);
    bits(table).set(address, value);
  }

  /** The register at {@code address} as an unsigned 16-bit number. */
  public synchronized int register(RegisterTable table, int address) {
    checkRange(table, address, 1);
    byte[] r = registers(table);
    return ((r[2 * address] & 0xFF) << 8) | (r[2 * address + 1] & 0xFF);
  }

  /** Sets the register at {@code address} to the low 16 bits of {@code value}. */
  public synchronized void setRegister(RegisterTable table, int address, int value) {
    checkRange(table, address, 1);
    byte[] r = registers(table);
    r[2 * address] = (byte) (value >>> 8);
    r[2 * address + 1] = (byte) value;
  }

  /** Writes a typed value over {@code format.registers()} registers starting at {@code address}. */
  public synchronized void setValue(RegisterTable table, int address, ValueFormat format, BigDecimal value) {
    checkRange(table, address, format.registers());
    format.encode(value, registers(table), 2 * address);
  }

  /** Writes a floating-point NaN, the "not available" marker of float meters. */
  public synchronized void setNaN(RegisterTable table, int address, ValueFormat format) {
    checkRange(table, address, format.registers());
    format.encodeNaN(registers(table), 2 * address);
  }

  /** Reads a typed value; {@code null} for a NaN or infinite float. */
  public synchronized BigDecimal value(RegisterTable table, int address, ValueFormat format) {
    checkRange(table, address, format.registers());
    return format.decode(registers(table), 2 * address);
  }

  /** Appends {@code count} registers, two bytes each, high byte first, to {@code out}. */
  public synchronized void readRegisters(RegisterTable table, int address, int count, ByteBuf out) {
    checkRange(table, address, count);
    out.writeBytes(registers(table), 2 * address, 2 * count);
  }

  /** Copies {@code count} registers from {@code in} (two bytes each, consumed) into the table. */
  public synchronized void writeRegisters(RegisterTable table, int address, int count, ByteBuf in) {
    checkRange(table, address, count);
    in.readBytes(registers(table), 2 * address, 2 * count);
  }

  /** Appends {@code count} bits packed eight to a byte, first bit in the least significant position. */
  public synchronized void readBits(RegisterTable table, int address, int count, ByteBuf out) {
    checkRange(table, address, count);
    BitSet b = bits(table);
    for (int i = 0; i < count; i += 8) {
      int packed = 0;
      for (int j = 0; j < 8 && i + j < count; j++) {
        if (b.get(address + i + j)) {
          packed |= 1 << j;
        }
      }
      out.writeByte(packed);
    }
  }

  /** Sets {@code count} bits from bytes packed as in {@link #readBits}, consuming them from {@code in}. */
  public synchronized void writeBits(RegisterTable table, int address, int count, ByteBuf in) {
    checkRange(table, address, count);
    BitSet b = bits(table);
    for (int i = 0; i < count; i += 8) {
      int packed = in.readUnsignedByte();
      for (int j = 0; j < 8 && i + j < count; j++) {
        b.set(address + i + j, (packed & (1 << j)) != 0);
      }
    }
  }

  /**
   * Applies function 0x16: {@code (current AND andMask) OR (orMask AND NOT andMask)}, atomically.
   *
   * @return the new register value
   */
  public synchronized int maskWrite(int address, int andMask, int orMask) {
    int current = register(RegisterTable.HOLDING_REGISTERS, address);
    int result = ((current & andMask) | (orMask & ~andMask)) & 0xFFFF;
    setRegister(RegisterTable.HOLDING_REGISTERS, address, result);
    return result;
  }

  private BitSet bits(RegisterTable table) {
    return switch (table) {
      case COILS -> coils;
      case DISCRETE_INPUTS -> discreteInputs;
      default -> throw new IllegalArgumentException(table + " holds registers, not bits");
    };
  }

  private byte[] registers(RegisterTable table) {
    return switch (table) {
      case HOLDING_REGISTERS -> holdingRegisters;
      case INPUT_REGISTERS -> inputRegisters;
      default -> throw new IllegalArgumentException(table + " holds bits, not registers");
    };
  }

  private void checkRange(RegisterTable table, int address, int count) {
    Objects.requireNonNull(table, "table");
    if (!contains(table, address, count)) {
      throw new IndexOutOfBoundsException(
          table + " " + address + "+" + count + " is outside 0.." + (size(table) - 1));
    }
  }
}
