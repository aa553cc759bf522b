package io.emms.bus.fleet;

import io.emms.bus.LineConfig;
import io.emms.bus.RetryPolicy;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.LinkProviders;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a fleet: a link, how its scheduler runs, and the meters on it.
 *
 * @param id the line's name in summaries; unique in a fleet
 * @param link the link URI, such as {@code serial:/dev/ttyUSB0?baud=9600&parity=none} (see docs/transport.md)
 * @param scheduling half-duplex or pipelined
 * @param maxInFlight transactions on the wire at once on a pipelined line (1 on a half-duplex one)
 * @param gap the quiet gap before each request on a half-duplex line; zero for none
 * @param timeout the response timeout of each request
 * @param retries how often a timed-out read is repeated
 * @param queueSize how many transactions may wait; more fail at once
 * @param meters the meters on the line
 */
public record FleetLine(
    String id, String link, Scheduling scheduling, int maxInFlight, Duration gap, Duration timeout, int retries,
    int queueSize, List<MeterEndpoint> meters) {

  public FleetLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(timeout, "timeout");
    meters = List.copyOf(meters);
    if (id.isBlank()) {
      throw new IllegalArgumentException("a line id must not be blank");
    }
    if (scheduling == Scheduling.HALF_DUPLEX && maxInFlight != 1) {
      throw new IllegalArgumentException("line " + id + ": a half-duplex line has 1 transaction in flight, not " + maxInFlight);
    }
    // The line config checks the numbers; building one here reports them when the fleet is made, not polled.
    baseConfig(scheduling, maxInFlight, gap, timeout, retries, queueSize);
  }

  /** A closed link made from {@link #link()}. */
  public ConfiguredLink createLink() {
    return LinkProviders.create(link);
  }

  /** The protocols of this line's meters, each once, in order of first appearance. */
  public Set<MeterProtocol> protocols() {
    Set<MeterProtocol> protocols = new LinkedHashSet<>();
    meters.forEach(m -> protocols.add(m.meterProtocol()));
    return protocols;
  }

  /**
   * The line configuration for {@code configured}: this line's settings, then each protocol's needs (see
   * {@link MeterProtocol#lineSettings}); writes are not batched on a message link, where one write is one message.
   */
  public LineConfig lineConfig(ConfiguredLink configured) {
    LineConfig settings = baseConfig(scheduling, maxInFlight, gap, timeout, retries, queueSize).toBuilder()
        .batchWrites(!configured.messageOriented())
        .build();
    for (MeterProtocol protocol : protocols()) {
      settings = protocol.lineSettings(configured, settings);
    }
    return settings;
  }

  private static LineConfig baseConfig(
      Scheduling scheduling, int maxInFlight, Duration gap, Duration timeout, int retries, int queueSize) {
    RetryPolicy retry = RetryPolicy.DEFAULT;
    return LineConfig.builder()
        .responseTimeout(timeout)
        .retryPolicy(new RetryPolicy(retries, retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(), false))
        .quietGap(scheduling == Scheduling.HALF_DUPLEX ? gap : Duration.ZERO)
        .queueCapacity(queueSize)
        .maxInFlight(maxInFlight)
        .build();
  }
}
