package io.emms.modbus.frame;

import io.emms.modbus.pdu.Direction;
import io.netty.buffer.ByteBuf;
import java.util.function.IntPredicate;

/**
 * Predicts the length of an RTU frame from its first bytes (Modbus Application Protocol v1.1b3 section 6 layouts),
 * so that frames can be cut from a stream without relying on inter-character timing.
 */
final class RtuFrameLength {

  /** More bytes are needed before the length is known. */
  static final int NEED_MORE = -1;

  /** These bytes cannot start a frame. */
  static final int INVALID = -2;

  /** Flag: the length is variable without a byte count; find the end by CRC from the minimum length in the low bits. */
  static final int SCAN = 0x10000;

  static final int MAX_ADU = 256;

  private final Direction direction;
  private final IntPredicate customFunctionCodes;

  RtuFrameLength(Direction direction, IntPredicate customFunctionCodes) {
    this.direction = direction;
    this.customFunctionCodes = customFunctionCodes;
  }

  /**
   * The total frame length (address to CRC) of the frame at {@code start}, {@link #NEED_MORE}, {@link #INVALID} or
   * {@link #SCAN} | minimum length.
   */
  int predict(ByteBuf in, int start, int available) {
    if (available < 2) {
      return NEED_MORE;
    }
    int fc = in.getUnsignedByte(start + 1);
    if (direction == Direction.RESPONSE && fc > 0x80) {
      return exception(in, start, available);
    }
    int length = direction == Direction.REQUEST
        ? request(in, start, available, fc)
        : response(in, start, available, fc);
    if (length == INVALID && fc != 0 && fc < 0x80 && customFunctionCodes.test(fc)) {
      return SCAN | 4;
    }
    return length > MAX_ADU && (length & SCAN) == 0 ? INVALID : length;
  }

  private static int request(ByteBuf in, int start, int available, int fc) {
    switch (fc) {
      // Read requests are framed by length only: a CRC-valid request with an impossible quantity must reach the
      // server's validation and be answered with exception 03, never be dropped as noise.
      case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06:
        return 8;
      case 0x07, 0x0B, 0x0C, 0x11:
        return 4;
      case 0x08:
        return diagnostics(in, start, available);
      case 0x0F, 0x10:
        return byteCounted(in, start, available, 6, 9);
      case 0x14, 0x15:
        return byteCounted(in, start, available, 2, 5);
      case 0x16:
        return 10;
      case 0x18:
        return 6;
      case 0x17:
        return byteCounted(in, start, available, 10, 13);
      case 0x2B:
        return encapsulated(in, start, available, 7);
      default:
        return INVALID;
    }
  }

  private static int response(ByteBuf in, int start, int available, int fc) {
    switch (fc) {
      case 0x01, 0x02, 0x11, 0x14, 0x15:
        return byteCounted(in, start, available, 2, 5);
      case 0x03, 0x04, 0x17:
        if (available < 3) {
          return NEED_MORE;
        }
        int count = in.getUnsignedByte(start + 2);
        return count == 0 || (count & 1) != 0 ? INVALID : 5 + count;
      case 0x0C:
        if (available < 3) {
          return NEED_MORE;
        }
        return in.getUnsignedByte(start + 2) < 6 ? INVALID : 5 + in.getUnsignedByte(start + 2);
      case 0x05, 0x06, 0x0B, 0x0F, 0x10:
        return 8;
      case 0x07:
        return 5;
      case 0x08:
        return diagnostics(in, start, available);
      case 0x16:
        return 10;
      case 0x18:
        // address, 18, byte count (2 bytes), FIFO count, registers, CRC
        return available < 4 ? NEED_MORE : 6 + in.getUnsignedShort(start + 2);
      case 0x2B:
        return encapsulated(in, start, available, 0);
      default:
        return INVALID;
    }
  }

  /**
   * An exception response: 5 bytes with any code but 0, also one outside the standard list, so that the caller gets
   * the device's refusal. Code 0 means nothing and is not a frame start, which keeps false CRC matches rarer while
   * resynchronising through garbage.
   */
  private static int exception(ByteBuf in, int start, int available) {
    if (available < 3) {
      return NEED_MORE;
    }
    return in.getUnsignedByte(start + 2) == 0 ? INVALID : 5;
  }

  /**
   * Function 08: every serial-line sub-function carries one 16-bit field except 00 (return query data), whose
   * echo may carry any even number of bytes and is found by CRC.
   */
  private static int diagnostics(ByteBuf in, int start, int available) {
    if (available < 4) {
      return NEED_MORE;
    }
    return in.getUnsignedShort(start + 2) == 0 ? SCAN | 8 : 8;
  }

  /** A frame whose byte count sits at {@code countOffset} and which is {@code fixed} bytes plus that count. */
  private static int byteCounted(ByteBuf in, int start, int available, int countOffset, int fixed) {
    if (available <= countOffset) {
      return NEED_MORE;
    }
    int count = in.getUnsignedByte(start + countOffset);
    return count == 0 ? INVALID : fixed + count;
  }

  /**
   * Function 2B: MEI 0E requests are 7 bytes; MEI 0E responses are walked object by object; other MEI types have
   * no length field and are found by CRC.
   */
  private static int encapsulated(ByteBuf in, int start, int available, int requestLength) {
    if (available < 3) {
      return NEED_MORE;
    }
    if (in.getUnsignedByte(start + 2) != 0x0E) {
      return SCAN | 5;
    }
    if (requestLength > 0) {
      return requestLength;
    }
    // address, 2B, 0E, code, conformity, more follows, next id, object count, then (id, length, value)*, CRC
    if (available < 8) {
      return NEED_MORE;
    }
    int objects = in.getUnsignedByte(start + 7);
    int offset = 8;
    for (int i = 0; i < objects; i++) {
      if (available < offset + 2) {
        return NEED_MORE;
      }
      offset += 2 + in.getUnsignedByte(start + offset + 1);
      if (offset + 2 > MAX_ADU) {
        return INVALID;
      }
    }
    return offset + 2;
  }
}
