package io.emms.server.auth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code max} sign-in attempts per client address in a sliding window. */
public final class LoginRateLimiter {

  private final int max;
  private final Duration window;
  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

  public LoginRateLimiter(int max, Duration window) {
    this.max = max;
    this.window = window;
  }

  /** Records an attempt; false when the client has used up its attempts for now. */
  public boolean tryAcquire(String client, Instant now) {
    Deque<Instant> q = attempts.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (q) {
      Instant horizon = now.minus(window);
      while (!q.isEmpty() && q.peekFirst().isBefore(horizon)) {
        q.pollFirst();
      }
      if (q.size() >= max) {
        return false;
      }
      q.addLast(now);
      return true;
    }
  }
}
