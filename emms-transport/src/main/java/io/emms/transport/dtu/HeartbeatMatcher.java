package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * Recognises an in-band packet of the DTU's own (a heartbeat) anywhere in the byte stream after registration, so
 * that it is taken out before protocol decoders see the bytes: heartbeats may land between or inside meter replies
 * and be split over TCP segments. Implement it for a heartbeat the factories do not cover.
 *
 * <p>Implementations read {@code in} with absolute gets and never move its indices; they must not throw.
 */
public interface HeartbeatMatcher {

  /** {@link #matchAt} result: the bytes from the index to the end are the start of a heartbeat. */
  int PARTIAL = -1;
  /** {@link #matchAt} result: no heartbeat starts at the index. */
  int NONE = 0;

  /**
   * Whether a heartbeat starts at {@code index} of {@code in} (bytes up to its writer index).
   *
   * @return the heartbeat's length, {@link #PARTIAL} or {@link #NONE}
   */
  int matchAt(ByteBuf in, int index);

  /** The longest heartbeat, which bounds what a connection holds back. */
  int maxLength();

  /** A heartbeat of exactly these bytes. */
  static HeartbeatMatcher exact(byte[] packet) {
    return new ExactHeartbeat(packet);
  }

  /** A heartbeat of this ASCII text, such as USR-IOT's {@code www.usr.cn}. */
  static HeartbeatMatcher text(String ascii) {
    return exact(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** A heartbeat of these bytes written as hex digits, as DTU tools configure it ({@code AT+HEARTDT=...}). */
  static HeartbeatMatcher hex(String hexDigits) {
    return exact(ByteBufUtil.decodeHexDump(hexDigits));
  }

  /** For DTUs that send no heartbeat. */
  static HeartbeatMatcher none() {
    return ExactHeartbeat.NOTHING;
  }
}
