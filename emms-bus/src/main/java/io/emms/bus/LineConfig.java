package io.emms.bus;

import io.emms.bus.internal.SharedWheelTimer;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Line} schedules: timeouts, retries, the quiet gap, the queue bound, back-off of silent meters.
 *
 * @param responseTimeout how long a transaction waits for each answer, unless it says otherwise
 * @param retryPolicy how timed-out transactions are repeated, unless they say otherwise
 * @param quietGap the silence kept on the line before each request, measured from the last byte received or written
 *     (half-duplex lines; RS-485 transceivers need time to turn around); zero for none
 * @param idleGap the silence after which bytes that form no frame yet are handed to {@link
 *     io.emms.core.link.FrameDecoder#lineIdle} (Modbus RTU ends frames by silence); zero to never ask
 * @param queueCapacity how many transactions may wait; a submit beyond fails at once with {@link QueueFullException}
 * @param maxInFlight how many transactions a pipelined line has on the wire at once (1 on a half-duplex line)
 * @param backOffAfter how many transactions of a meter in a row must time out (after their retries) before the
 *     meter is backed off: its transactions then fail at once with a timeout, except one probe per {@code
 *     probeInterval}, until it answers again; 0 never backs off
 * @param probeInterval how often a backed-off meter is tried
 * @param batchWrites on a pipelined line, whether requests made while a write is on its way go out together in the
 *     next write (one system call for a burst); off for message links such as UDP, where one write is one datagram
 * @param timer runs response timers, retries and gaps; by default one shared daemon wheel timer (5 ms ticks)
 * @param trace receives every frame written and every piece read, or {@code null}
 */
public record LineConfig(
    Duration responseTimeout, RetryPolicy retryPolicy, Duration quietGap, Duration idleGap, int queueCapacity,
    int maxInFlight, int backOffAfter, Duration probeInterval, boolean batchWrites, Timer timer, FrameTrace trace) {

  public LineConfig {
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(timer, "timer");
    requirePositive(responseTimeout, "responseTimeout");
    requirePositive(probeInterval, "probeInterval");
    requireNotNegative(quietGap, "quietGap");
    requireNotNegative(idleGap, "idleGap");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    if (maxInFlight < 1 || maxInFlight > 0x8000) {
      throw new IllegalArgumentException("maxInFlight must be 1..32768, got " + maxInFlight);
    }
    if (backOffAfter < 0) {
      throw new IllegalArgumentException("backOffAfter must be >= 0, got " + backOffAfter);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  private static void requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
  }

  /**
   * The default timer of every line: one hashed-wheel timer for the JVM (5 ms ticks) on a daemon thread that an
   * interrupt stops. Other engines (a Modbus server's RTU idle watch) share it rather than start their own.
   */
  public static Timer sharedTimer() {
    return SharedWheelTimer.get();
  }

  /**
   * Defaults: 1 s timeout, {@link RetryPolicy#DEFAULT}, no gaps, 1024 queued, 1 in flight, back-off after 3
   * timed-out transactions in a row, a probe every 10 s, batched writes, the shared timer, no trace.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().responseTimeout(responseTimeout).retryPolicy(retryPolicy).quietGap(quietGap)
        .idleGap(idleGap).queueCapacity(queueCapacity).maxInFlight(maxInFlight).backOffAfter(backOffAfter)
        .probeInterval(probeInterval).batchWrites(batchWrites).timer(timer).trace(trace);
  }

  /** Builds a {@link LineConfig}; see the record components for the meaning of each value. */
  public static final class Builder {
    private Duration responseTimeout = Duration.ofSeconds(1);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration quietGap = Duration.ZERO;
    private Duration idleGap = Duration.ZERO;
    private int queueCapacity = 1024;
    private int maxInFlight = 1;
    private int backOffAfter = 3;
    private Duration probeInterval = Duration.ofSeconds(10);
    private boolean batchWrites = true;
    private Timer timer = SharedWheelTimer.get();
    private FrameTrace trace;

    private Builder() {}

    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder quietGap(Duration quietGap) {
      this.quietGap = quietGap;
      return this;
    }

    public Builder idleGap(Duration idleGap) {
      this.idleGap = idleGap;
      return this;
    }

    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    public Builder backOffAfter(int backOffAfter) {
      this.backOffAfter = backOffAfter;
      return this;
    }

    public Builder probeInterval(Duration probeInterval) {
      this.probeInterval = probeInterval;
      return this;
    }

    public Builder batchWrites(boolean batchWrites) {
      this.batchWrites = batchWrites;
      return this;
    }

    public Builder timer(Timer timer) {
      this.timer = timer;
      return this;
    }

    public Builder trace(FrameTrace trace) {
      this.trace = trace;
      return this;
    }

    public LineConfig build() {
      return new LineConfig(responseTimeout, retryPolicy, quietGap, idleGap, queueCapacity, maxInFlight,
          backOffAfter, probeInterval, batchWrites, timer, trace);
    }
  }
}
