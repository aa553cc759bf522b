package io.emms.transport.dtu;

import io.emms.transport.tcp.ReconnectPolicy;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DtuClient} dials in and what it says of itself.
 *
 * @param host the server's host
 * @param port the server's port
 * @param id the DTU's id, sent in its registration packet; must fit the framing (12 hex digits for fastbee-7e)
 * @param framing how it registers and heartbeats
 * @param heartbeatInterval a heartbeat goes out after this long without anything sent
 * @param reconnect when to dial again after a failed attempt or a drop
 * @param eventLoopGroup a group to share; without one the client runs its own one-thread group
 */
public record DtuClientConfig(
    String host,
    int port,
    String id,
    DtuFraming framing,
    Duration heartbeatInterval,
    ReconnectPolicy reconnect,
    Optional<EventLoopGroup> eventLoopGroup) {

  public DtuClientConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(reconnect, "reconnect");
    Objects.requireNonNull(eventLoopGroup, "eventLoopGroup");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535: " + port);
    }
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive: " + heartbeatInterval);
    }
    framing.registrationPacket(id);
  }

  public static Builder builder(String host, int port, String id) {
    return new Builder(host, port, id);
  }

  /** Builds a {@link DtuClientConfig}: the default framing, 30 s heartbeats, the default reconnect policy. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final String id;
    private DtuFraming framing = DtuFraming.named(DtuFraming.DEFAULT);
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private EventLoopGroup eventLoopGroup;

    private Builder(String host, int port, String id) {
      this.host = host;
      this.port = port;
      this.id = id;
    }

    public Builder framing(DtuFraming framing) {
      this.framing = framing;
      return this;
    }

    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    public Builder reconnect(ReconnectPolicy reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    /** Shares this group; the client never shuts it down. */
    public Builder eventLoopGroup(EventLoopGroup eventLoopGroup) {
      this.eventLoopGroup = eventLoopGroup;
      return this;
    }

    public DtuClientConfig build() {
      return new DtuClientConfig(
          host, port, id, framing, heartbeatInterval, reconnect, Optional.ofNullable(eventLoopGroup));
    }
  }
}
