package io.emms.transport.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last {@code capacity} message ids seen, so that at-least-once redeliveries are recognised while
 * memory stays bounded. A duplicate older than the window passes again: size it above the number of messages a
 * redelivery can lag behind (the publisher's outbox).
 */
final class MessageIdWindow {

  private final Map<String, Boolean> seen;

  public MessageIdWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Records the id; true when it was not in the window yet. */
  public synchronized boolean firstSeen(String messageId) {
    return seen.put(messageId, Boolean.TRUE) == null;
  }
}
