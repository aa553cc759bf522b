package io.emms.transport.dtu.internal;

import io.netty.buffer.ByteBuf;

/** Finds a constant packet at a position of a stream: a heartbeat, or the registration a DTU repeats. */
public final class ExactBytes {

  /** {@link #matchAt} result: the bytes from the index to the end are the start of the packet. */
  public static final int PARTIAL = -1;
  /** {@link #matchAt} result: the packet does not start at the index. */
  public static final int NONE = 0;

  private final byte[] packet;

  public ExactBytes(byte[] packet) {
    this.packet = packet.clone();
  }

  /** The packet's length if it starts at {@code index} of {@code in}, else {@link #PARTIAL} or {@link #NONE}. */
  public int matchAt(ByteBuf in, int index) {
    if (packet.length == 0) {
      return NONE;
    }
    int available = Math.min(packet.length, in.writerIndex() - index);
    for (int i = 0; i < available; i++) {
      if (in.getByte(index + i) != packet[i]) {
        return NONE;
      }
    }
    return available == packet.length ? packet.length : PARTIAL;
  }

  public int length() {
    return packet.length;
  }
}
