package io.emms.dlt645.client;

import io.emms.bus.RetryPolicy;
import java.time.Duration;

/**
 * How often and how patiently a request is repeated after a response timeout.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code initialBackoff · multiplier^(n-1)}, capped at
 * {@code maxBackoff}. Requests that change a meter (writes, relay, clears, password, address, baud) are repeated
 * only when {@code retryWrites} is set: a lost reply does not mean the meter did not act, and a second trip or
 * clear may not be what the operator wanted.
 *
 * @param retries how many times a request is repeated after its first attempt timed out
 * @param initialBackoff the delay before the first retry
 * @param multiplier the factor applied to the delay for each further retry, at least 1
 * @param maxBackoff the longest delay between attempts
 * @param retryWrites whether state-changing requests are repeated too
 */
public record Dlt645RetryPolicy(
    int retries, Duration initialBackoff, double multiplier, Duration maxBackoff, boolean retryWrites) {

  /** One attempt, never repeated. */
  public static final Dlt645RetryPolicy NONE = new Dlt645RetryPolicy(0, Duration.ZERO, 1.0, Duration.ZERO, false);

  /** Two retries of reads after 100 ms and 200 ms; writes are never repeated. */
  public static final Dlt645RetryPolicy DEFAULT =
      new Dlt645RetryPolicy(2, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), false);

  /** Checks the fields as the line engine's {@link RetryPolicy} does (one set of rules for both). */
  public Dlt645RetryPolicy {
    new RetryPolicy(retries, initialBackoff, multiplier, maxBackoff, retryWrites);
  }

  /** The same policy as the line engine's {@link RetryPolicy}, which runs it. */
  public RetryPolicy asRetryPolicy() {
    return new RetryPolicy(retries, initialBackoff, multiplier, maxBackoff, retryWrites);
  }

  /** Whether a request that has already been attempted {@code attempts} times may be sent again. */
  public boolean mayRetry(int attempts, boolean changesMeter) {
    return asRetryPolicy().mayRetry(attempts, changesMeter);
  }

  /** The delay before retry {@code retry} (1 = the first repetition). */
  public Duration backoff(int retry) {
    return asRetryPolicy().backoff(retry);
  }
}
