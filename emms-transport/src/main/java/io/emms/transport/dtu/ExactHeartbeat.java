package io.emms.transport.dtu;

import io.emms.transport.dtu.internal.ExactBytes;
import io.netty.buffer.ByteBuf;

/** A heartbeat of constant bytes. */
final class ExactHeartbeat implements HeartbeatMatcher {

  static final ExactHeartbeat NOTHING = new ExactHeartbeat(new byte[0]);

  private final ExactBytes packet;

  ExactHeartbeat(byte[] packet) {
    this.packet = new ExactBytes(packet);
  }

  @Override
  public int matchAt(ByteBuf in, int index) {
    return packet.matchAt(in, index);
  }

  @Override
  public int maxLength() {
    return packet.length();
  }
}
