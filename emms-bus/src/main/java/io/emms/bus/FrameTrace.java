package io.emms.bus;

import java.time.Instant;

/**
 * Receives every frame a line writes and every piece of bytes it reads, for field debugging. Called on the line's
 * threads while it works: keep it short (log it, append it to a file) and never block.
 */
@FunctionalInterface
public interface FrameTrace {

  /** Which way the bytes went. */
  enum Direction {
    /** Written to the link. */
    SENT,
    /** Read from the link, as it delivered them (a frame may come in pieces). */
    RECEIVED
  }

  /**
   * @param direction which way
   * @param time when the line wrote or read them
   * @param hex the bytes as lower-case hex pairs separated by spaces
   */
  void trace(Direction direction, Instant time, String hex);
}
