package io.emms.modbus.frame;

import io.netty.buffer.ByteBuf;

/** The Modbus ASCII LRC: the two's complement of the 8-bit sum of the binary bytes (address through data). */
public final class Lrc {

  private Lrc() {}

  /** The LRC of {@code length} bytes of {@code buf} from {@code index}, indices unchanged. */
  public static int compute(ByteBuf buf, int index, int length) {
    int sum = 0;
    for (int i = index, end = index + length; i < end; i++) {
      sum += buf.getByte(i);
    }
    return -sum & 0xFF;
  }
}
