package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Objects;

/** Range checks shared by the record constructors and the decoder, so both enforce the same limits. */
final class Fields {

  private Fields() {}

  /** Why an (address, quantity) pair is out of range, or {@code null} if it is fine. */
  static ExceptionCode rangeError(int address, int quantity, int maxQuantity) {
    if (quantity < 1 || quantity > maxQuantity) {
      return ExceptionCode.ILLEGAL_DATA_VALUE;
    }
    if (address < 0 || address + quantity > 0x10000) {
      return ExceptionCode.ILLEGAL_DATA_ADDRESS;
    }
    return null;
  }

  static void requireRange(int address, int quantity, int maxQuantity) {
    if (rangeError(address, quantity, maxQuantity) != null) {
      throw new IllegalArgumentException(
          "address " + address + " quantity " + quantity + " out of range (quantity 1.." + maxQuantity
              + ", address + quantity <= 65536)");
    }
  }

  /** Why a file record span is out of range (Modbus Application Protocol v1.1b3 §6.14), or {@code null}. */
  static ExceptionCode fileRangeError(int fileNumber, int recordNumber, int recordLength) {
    if (recordLength < 1) {
      return ExceptionCode.ILLEGAL_DATA_VALUE;
    }
    if (fileNumber < 1 || fileNumber > 0xFFFF || recordNumber < 0
        || recordNumber + recordLength > FileRecordReference.MAX_RECORD_NUMBER + 1) {
      return ExceptionCode.ILLEGAL_DATA_ADDRESS;
    }
    return null;
  }

  static void requireFileRange(int fileNumber, int recordNumber, int recordLength) {
    if (fileRangeError(fileNumber, recordNumber, recordLength) != null) {
      throw new IllegalArgumentException("file " + fileNumber + " record " + recordNumber + " length "
          + recordLength + " out of range (file 1..65535, length >= 1, records 0.."
          + FileRecordReference.MAX_RECORD_NUMBER + ")");
    }
  }

  /** The sub-requests of a write file record, checked to be 1 or more and to fit 251 bytes. */
  static List<FileRecord> requireFileRecords(List<FileRecord> records) {
    List<FileRecord> copy = List.copyOf(records);
    int length = 0;
    for (FileRecord r : copy) {
      length += 7 + r.registers().readableBytes();
    }
    if (copy.isEmpty() || length > WriteFileRecordRequest.MAX_DATA_LENGTH) {
      throw new IllegalArgumentException(
          copy.size() + " sub-requests of " + length + " bytes, expected 1 or more taking at most 251");
    }
    return copy;
  }

  static int requireU16(String name, int value) {
    if ((value & ~0xFFFF) != 0) {
      throw new IllegalArgumentException(name + " " + value + " is not in 0..65535");
    }
    return value;
  }

  static int requireU8(String name, int value) {
    if ((value & ~0xFF) != 0) {
      throw new IllegalArgumentException(name + " " + value + " is not in 0..255");
    }
    return value;
  }

  static ByteBuf requireBytes(String name, ByteBuf buf, int min, int max) {
    Objects.requireNonNull(buf, name);
    int n = buf.readableBytes();
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + " has " + n + " bytes, expected " + min + ".." + max);
    }
    return buf;
  }

  static ByteBuf requireRegisters(String name, ByteBuf buf, int maxRegisters) {
    requireBytes(name, buf, 2, 2 * maxRegisters);
    if ((buf.readableBytes() & 1) != 0) {
      throw new IllegalArgumentException(name + " has an odd number of bytes: " + buf.readableBytes());
    }
    return buf;
  }

  /** Packs register values big-endian into a heap buffer that needs no release. */
  static ByteBuf packRegisters(int... values) {
    byte[] bytes = new byte[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      int v = requireU16("register " + i, values[i]);
      bytes[2 * i] = (byte) (v >>> 8);
      bytes[2 * i + 1] = (byte) v;
    }
    return Unpooled.wrappedBuffer(bytes);
  }

  /** Packs bits LSB-first (bit 0 of byte 0 is the first bit) into a heap buffer that needs no release. */
  static ByteBuf packBits(boolean... values) {
    byte[] bytes = new byte[(values.length + 7) >>> 3];
    for (int i = 0; i < values.length; i++) {
      if (values[i]) {
        bytes[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return Unpooled.wrappedBuffer(bytes);
  }
}
