package io.emms.modbus.server;

import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueFormat;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four data tables a Modbus server exposes, each starting at address 0, plus the files of function 0x14/0x15
 * and the FIFO queues of function 0x18 the device defines ({@link #defineFile}, {@link #setFifoQueue}). Registers
 * are held as the bytes that travel on the wire, so reads copy straight into a response buffer and typed values are
 * written in place.
 *
 * <p>Thread-safe: every method locks the image, so a multi-register value is never read half-updated.
 */
public final class ProcessImage {

  private final BitSet coils;
  private final BitSet discreteInputs;
  private final byte[] holdingRegisters;
  private final byte[] inputRegisters;
  private final int[] sizes;
  private final Map<Integer, byte[]> files = new HashMap<>();
  private final Map<Integer, byte[]> fifoQueues = new HashMap<>();

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

  /**
   * Creates file {@code fileNumber} (1..65535) with records {@code 0 .. records-1}, all zero, replacing a file of
   * that number.
   */
  public synchronized void defineFile(int fileNumber, int records) {
    if (fileNumber < 1 || fileNumber > 0xFFFF || records < 1 || records > 10000) {
      throw new IllegalArgumentException("file " + fileNumber + " with " + records
          + " records, expected file 1..65535 with 1..10000 records");
    }
    files.put(fileNumber, new byte[2 * records]);
  }

  /** Whether file {@code fileNumber} exists and holds records {@code recordNumber .. recordNumber+count-1}. */
  public synchronized boolean containsRecords(int fileNumber, int recordNumber, int count) {
    byte[] file = files.get(fileNumber);
    return file != null && recordNumber >= 0 && count >= 0 && recordNumber + count <= file.length >>> 1;
  }

  /** Record {@code recordNumber} of file {@code fileNumber} as an unsigned 16-bit number. */
  public synchronized int fileRecord(int fileNumber, int recordNumber) {
    byte[] file = file(fileNumber, recordNumber, 1);
    return ((file[2 * recordNumber] & 0xFF) << 8) | (file[2 * recordNumber + 1] & 0xFF);
  }

  /** Sets record {@code recordNumber} of file {@code fileNumber} to the low 16 bits of {@code value}. */
  public synchronized void setFileRecord(int fileNumber, int recordNumber, int value) {
    byte[] file = file(fileNumber, recordNumber, 1);
    file[2 * recordNumber] = (byte) (value >>> 8);
    file[2 * recordNumber + 1] = (byte) value;
  }

  /** Appends {@code count} records of a file, two bytes each, high byte first, to {@code out}. */
  public synchronized void readFileRecords(int fileNumber, int recordNumber, int count, ByteBuf out) {
    out.writeBytes(file(fileNumber, recordNumber, count), 2 * recordNumber, 2 * count);
  }

  /** Copies {@code count} records from {@code in} (two bytes each, consumed) into a file. */
  public synchronized void writeFileRecords(int fileNumber, int recordNumber, int count, ByteBuf in) {
    in.readBytes(file(fileNumber, recordNumber, count), 2 * recordNumber, 2 * count);
  }

  /**
   * Sets the FIFO queue behind the pointer register {@code pointerAddress} to {@code values} (0..65535 each, oldest
   * first), replacing its content; function 0x18 reads it without clearing it.
   */
  public synchronized void setFifoQueue(int pointerAddress, int... values) {
    if ((pointerAddress & ~0xFFFF) != 0 || values.length > 0xFFFF) {
      throw new IllegalArgumentException("FIFO pointer " + pointerAddress + " with " + values.length + " values");
    }
    byte[] queue = new byte[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      queue[2 * i] = (byte) (values[i] >>> 8);
      queue[2 * i + 1] = (byte) values[i];
    }
    fifoQueues.put(pointerAddress, queue);
  }

  /** How many registers the FIFO queue at {@code pointerAddress} holds, or -1 if there is no queue there. */
  public synchronized int fifoQueueLength(int pointerAddress) {
    byte[] queue = fifoQueues.get(pointerAddress);
    return queue == null ? -1 : queue.length >>> 1;
  }

  /** Appends the registers of the FIFO queue at {@code pointerAddress}, oldest first, to {@code out}. */
  public synchronized void readFifoQueue(int pointerAddress, ByteBuf out) {
    byte[] queue = fifoQueues.get(pointerAddress);
    if (queue == null) {
      throw new IndexOutOfBoundsException("no FIFO queue at " + pointerAddress);
    }
    out.writeBytes(queue);
  }

  private byte[] file(int fileNumber, int recordNumber, int count) {
    if (!containsRecords(fileNumber, recordNumber, count)) {
      throw new IndexOutOfBoundsException(
          "file " + fileNumber + " records " + recordNumber + "+" + count + " do not exist");
    }
    return files.get(fileNumber);
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
