package io.emms.transport.dtu;

import io.emms.transport.internal.ListenAddress;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link DtuServer} listens and how it treats the DTUs that dial in.
 *
 * @param bindAddress the local address; {@code 127.0.0.1} unless configured. DTUs on a cellular network need
 *     {@code 0.0.0.0}, which must be a decision
 * @param port the port, or 0 for an ephemeral one
 * @param framing the registration and heartbeat framing of the DTUs
 * @param heartbeatInterval how often the DTUs heartbeat when otherwise silent
 * @param idleTimeout a registered connection that sends nothing for this long is closed; by default
 *     2.5 × {@code heartbeatInterval}, so that one lost heartbeat is forgiven and two are not
 * @param registrationDeadline a connection that has not registered by then is closed and counted
 * @param registrationReply bytes sent to a DTU right after it registers; empty for none
 * @param holdBack how long bytes that may be the start of a heartbeat wait for the rest before they are passed on
 *     as protocol bytes after all
 * @param maxConnections connections beyond this many are closed as soon as they are accepted
 * @param writeBufferLimit bytes queued towards one DTU beyond which writes fail instead of piling up
 * @param eventLoopGroup a group to share; without one the server runs its own one-thread group
 */
public record DtuServerConfig(
    String bindAddress,
    int port,
    DtuFraming framing,
    Duration heartbeatInterval,
    Duration idleTimeout,
    Duration registrationDeadline,
    byte[] registrationReply,
    Duration holdBack,
    int maxConnections,
    int writeBufferLimit,
    Optional<EventLoopGroup> eventLoopGroup) {

  public DtuServerConfig {
    ListenAddress.check(bindAddress, port, eventLoopGroup);
    Objects.requireNonNull(framing, "framing");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(registrationDeadline, "registrationDeadline");
    requirePositive(holdBack, "holdBack");
    registrationReply = registrationReply.clone();
    if (maxConnections < 1 || writeBufferLimit < 1) {
      throw new IllegalArgumentException("maxConnections and writeBufferLimit must be positive");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }

  @Override
  public byte[] registrationReply() {
    return registrationReply.clone();
  }

  /** 127.0.0.1, an ephemeral port, the other defaults of {@link Builder}. */
  public static DtuServerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DtuServerConfig}: 127.0.0.1, port 0, the {@value DtuFraming#DEFAULT} framing, 30 s heartbeats,
   * idle after 2.5 heartbeats, 10 s to register, no registration reply, 200 ms hold-back, 100 000 connections,
   * 64 KiB write buffer per DTU.
   */
  public static final class Builder {
    private String bindAddress = ListenAddress.LOOPBACK;
    private int port;
    private DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration idleTimeout;
    private Duration registrationDeadline = Duration.ofSeconds(10);
    private byte[] registrationReply = new byte[0];
    private Duration holdBack = Duration.ofMillis(200);
    private int maxConnections = 100_000;
    private int writeBufferLimit = 64 * 1024;
    private EventLoopGroup eventLoopGroup;

    private Builder() {}

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder framing(DtuFraming framing) {
      this.framing = framing;
      return this;
    }

    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    /** Overrides the idle timeout derived from the heartbeat interval. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder registrationDeadline(Duration registrationDeadline) {
      this.registrationDeadline = registrationDeadline;
      return this;
    }

    public Builder registrationReply(byte[] registrationReply) {
      this.registrationReply = registrationReply;
      return this;
    }

    public Builder holdBack(Duration holdBack) {
      this.holdBack = holdBack;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder writeBufferLimit(int writeBufferLimit) {
      this.writeBufferLimit = writeBufferLimit;
      return this;
    }

    /** Shares this group for accepting and for the connections; the server never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public DtuServerConfig build() {
      Duration idle = idleTimeout != null || heartbeatInterval == null
          ? idleTimeout : heartbeatInterval.multipliedBy(5).dividedBy(2);
      return new DtuServerConfig(bindAddress, port, framing, heartbeatInterval, idle, registrationDeadline,
          registrationReply, holdBack, maxConnections, writeBufferLimit, Optional.ofNullable(eventLoopGroup));
    }
  }
}
