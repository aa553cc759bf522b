package io.emms.transport.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * When a client link tries to connect again: exponential back-off from {@code minDelay} up to {@code maxDelay},
 * each delay spread by up to {@code ±jitter} of itself so that many links cut off together do not dial back in
 * lock-step.
 *
 * @param enabled whether to reconnect at all; if not, a failed connect fails {@code open()} and a dropped
 *     connection stays closed
 * @param minDelay the delay before the first retry
 * @param maxDelay the longest delay between retries
 * @param jitter the relative spread, from 0 (none) to 1
 */
public record ReconnectPolicy(boolean enabled, Duration minDelay, Duration maxDelay, double jitter) {

  public ReconnectPolicy {
    Objects.requireNonNull(minDelay, "minDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay: " + minDelay + ", " + maxDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within 0 and 1: " + jitter);
    }
  }

  /** 0.5 s doubling up to 30 s, ±20 %. */
  public static ReconnectPolicy defaults() {
    return exponential(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);
  }

  public static ReconnectPolicy exponential(Duration minDelay, Duration maxDelay, double jitter) {
    return new ReconnectPolicy(true, minDelay, maxDelay, jitter);
  }

  /** Connect once; never retry. */
  public static ReconnectPolicy never() {
    return new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * The delay before retry number {@code attempt}.
   *
   * @param attempt 0 for the first retry after a success or a drop
   * @param random uniform in [0, 1), drawn by the caller so that the policy stays a pure function
   */
  public Duration delay(int attempt, double random) {
    double min = minDelay.toNanos();
    double max = maxDelay.toNanos();
    double base = Math.min(max, min * Math.pow(2, Math.max(0, Math.min(attempt, 62))));
    double spread = base * jitter * (2 * random - 1);
    return Duration.ofNanos((long) Math.max(0, base + spread));
  }
}
