package io.emms.modbus.frame;

import io.netty.buffer.ByteBuf;

/**
 * The Modbus RTU CRC-16 (reflected polynomial 0xA001, initial value 0xFFFF), table-driven. On the wire the low byte
 * goes first.
 */
public final class Crc16 {

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  /** {@code crc} extended by one byte; start from 0xFFFF. */
  public static int update(int crc, byte b) {
    return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
  }

  /** The CRC of {@code length} bytes of {@code buf} from {@code index}, indices unchanged. */
  public static int compute(ByteBuf buf, int index, int length) {
    int crc = 0xFFFF;
    for (int i = index, end = index + length; i < end; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ buf.getByte(i)) & 0xFF];
    }
    return crc;
  }

  /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static int compute(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset, end = offset + length; i < end; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
    }
    return crc;
  }

  /** Whether the {@code length} bytes from {@code index} end in the CRC (low byte first) of the bytes before it. */
  public static boolean matches(ByteBuf buf, int index, int length) {
    int expected = buf.getUnsignedByte(index + length - 2) | buf.getUnsignedByte(index + length - 1) << 8;
    return compute(buf, index, length - 2) == expected;
  }
}
