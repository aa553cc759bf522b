package io.emms.transport.nbiot;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link NbiotEndpoint} listens and how it treats downlinks.
 *
 * @param udp the UDP address to listen on, if any (port 0 for a free one)
 * @param coap the CoAP (UDP) address to listen on, if any (port 0 for a free one)
 * @param store where queued commands are kept
 * @param defaultTtl how long a command waits for its acknowledgement when queued without a time to live (48 h, as
 *     Huawei's platform)
 * @param resendInterval how long an unacknowledged command waits before it is sent again to an awake UDP device
 * @param awakeWindow how long after its last message a device is taken to be awake (its PSM active time)
 * @param sweepInterval how often expiries and resends are checked
 * @param clock the time source of queueing and expiry
 */
public record NbiotEndpointConfig(
    Optional<InetSocketAddress> udp,
    Optional<InetSocketAddress> coap,
    DownlinkStore store,
    Duration defaultTtl,
    Duration resendInterval,
    Duration awakeWindow,
    Duration sweepInterval,
    Clock clock) {

  /** Servers bind to loopback unless told otherwise. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  public NbiotEndpointConfig {
    Objects.requireNonNull(udp, "udp");
    Objects.requireNonNull(coap, "coap");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    for (Duration d : new Duration[] {defaultTtl, resendInterval, awakeWindow, sweepInterval}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (udp.isEmpty() && coap.isEmpty()) {
      throw new IllegalArgumentException("an endpoint listens on UDP, CoAP or both");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link NbiotEndpointConfig}: no listener until one is named, an in-memory store. */
  public static final class Builder {
    private InetSocketAddress udp;
    private InetSocketAddress coap;
    private DownlinkStore store;
    private Duration defaultTtl = Duration.ofHours(48);
    private Duration resendInterval = Duration.ofSeconds(10);
    private Duration awakeWindow = Duration.ofSeconds(20);
    private Duration sweepInterval = Duration.ofMillis(200);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder udp(String host, int port) {
      this.udp = new InetSocketAddress(host, port);
      return this;
    }

    public Builder coap(String host, int port) {
      this.coap = new InetSocketAddress(host, port);
      return this;
    }

    public Builder store(DownlinkStore store) {
      this.store = store;
      return this;
    }

    public Builder defaultTtl(Duration defaultTtl) {
      this.defaultTtl = defaultTtl;
      return this;
    }

    public Builder resendInterval(Duration resendInterval) {
      this.resendInterval = resendInterval;
      return this;
    }

    public Builder awakeWindow(Duration awakeWindow) {
      this.awakeWindow = awakeWindow;
      return this;
    }

    public Builder sweepInterval(Duration sweepInterval) {
      this.sweepInterval = sweepInterval;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public NbiotEndpointConfig build() {
      return new NbiotEndpointConfig(Optional.ofNullable(udp), Optional.ofNullable(coap),
          store == null ? new InMemoryDownlinkStore() : store, defaultTtl, resendInterval, awakeWindow,
          sweepInterval, clock);
    }
  }
}
