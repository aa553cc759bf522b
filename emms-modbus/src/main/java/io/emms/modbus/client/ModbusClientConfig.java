package io.emms.modbus.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ModbusClient} talks to its link.
 *
 * @param mode the framing; RTU, RTU over TCP and ASCII force one request in flight
 * @param timeout how long to wait for each response
 * @param retries how many times a request is sent again after a timeout (0 = never)
 * @param retryBackoff the pause before a retry, letting a busy device or bus settle
 * @param retryWrites whether writes are retried after a timeout too; off by default because a write that timed out
 *     may have been executed, and repeating it is not always harmless
 * @param maxInFlight how many requests may await their response at once (pipelining, TCP and UDP only); further
 *     requests queue in order
 * @param rtuIdleGap in {@link ModbusMode#RTU}, the line silence after which the bytes of an incomplete reply are
 *     discarded; see {@link Builder#rtuIdleGap(Duration)}
 */
public record ModbusClientConfig(
    ModbusMode mode, Duration timeout, int retries, Duration retryBackoff, boolean retryWrites, int maxInFlight,
    Duration rtuIdleGap) {

  public ModbusClientConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(rtuIdleGap, "rtuIdleGap");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (retries < 0 || retryBackoff.isNegative() || rtuIdleGap.isNegative()) {
      throw new IllegalArgumentException("retries, retryBackoff and rtuIdleGap must not be negative");
    }
    if (maxInFlight < 1 || maxInFlight > 65536) {
      throw new IllegalArgumentException("maxInFlight must be 1..65536");
    }
  }

  /**
   * Defaults for {@code mode}: 1 s timeout, 1 retry after 50 ms, no write retries, 64 in flight (1 on serial), 20 ms
   * RTU idle gap.
   */
  public static ModbusClientConfig of(ModbusMode mode) {
    return builder().mode(mode).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The RTU line silence that ends a frame unless configured otherwise; see {@link Builder#rtuIdleGap} for why. */
  public static final Duration DEFAULT_RTU_IDLE_GAP = Duration.ofMillis(20);

  /** The number of requests actually allowed in flight: {@link #maxInFlight()}, or 1 for serial framings. */
  public int effectiveMaxInFlight() {
    return mode.pipelined() ? maxInFlight : 1;
  }

  /** Builds a {@link ModbusClientConfig}; every setting has a default. */
  public static final class Builder {
    private ModbusMode mode = ModbusMode.TCP;
    private Duration timeout = Duration.ofSeconds(1);
    private int retries = 1;
    private Duration retryBackoff = Duration.ofMillis(50);
    private boolean retryWrites;
    private int maxInFlight = 64;
    private Duration rtuIdleGap = DEFAULT_RTU_IDLE_GAP;

    private Builder() {}

    public Builder mode(ModbusMode mode) {
      this.mode = mode;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder retryBackoff(Duration retryBackoff) {
      this.retryBackoff = retryBackoff;
      return this;
    }

    public Builder retryWrites(boolean retryWrites) {
      this.retryWrites = retryWrites;
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * The inter-character-gap fallback of RTU framing on a serial line ({@link ModbusMode#RTU} only): when the line
     * has been silent this long with the bytes of an incomplete frame pending, they are discarded (complete frames
     * among them are still delivered), so a reply cut short or line noise cannot hold up or swallow the next reply.
     * Frames are otherwise cut by their predicted length, so the gap is only a fallback.
     *
     * <p>The default is 20 ms, not the 1.75 ms t3.5 of the serial line spec: USB-serial adapters and OS scheduling
     * hand bytes over in bursts several milliseconds apart, and a shorter gap would cut frames in two. On a real
     * UART with a tight read path, {@link io.emms.modbus.frame.RtuTiming#interFrameDelayNanos(int)} gives the spec
     * timing for a baud rate. Silence is noticed on the shared 5 ms timer tick, i.e. between the gap and the gap
     * plus 5 ms. {@link Duration#ZERO} turns the fallback off. Unused in the other modes: ASCII frames carry their
     * own ':' start and CR LF end, and RTU over TCP, TCP and UDP have no line timing.
     */
    public Builder rtuIdleGap(Duration rtuIdleGap) {
      this.rtuIdleGap = rtuIdleGap;
      return this;
    }

    public ModbusClientConfig build() {
      return new ModbusClientConfig(mode, timeout, retries, retryBackoff, retryWrites, maxInFlight, rtuIdleGap);
    }
  }
}
