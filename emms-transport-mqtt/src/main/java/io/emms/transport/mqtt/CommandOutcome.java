package io.emms.transport.mqtt;

import io.emms.core.reading.Reading;
import java.util.List;
import java.util.Objects;

/**
 * What became of a {@link MeterCommand}.
 *
 * @param status the kind of outcome
 * @param detail a human-readable reason (empty when executed)
 * @param readings what an on-demand read returned; empty otherwise
 */
public record CommandOutcome(Status status, String detail, List<Reading> readings) {

  /** The kinds of outcome. Only {@link #EXECUTED} means the meter acted. */
  public enum Status {
    /** The meter carried the command out (a read returns its readings). */
    EXECUTED,
    /** The meter or gateway refused it (bad password, relay locked, unknown meter). */
    REFUSED,
    /** The gateway could not carry it out (no answer from the meter, a broken link). */
    FAILED,
    /** It reached the gateway after its deadline and was not executed. */
    EXPIRED,
    /**
     * No response arrived before the deadline plus a grace period: the broker may have discarded the expired
     * request, or the gateway is offline. Whether the meter acted is unknown.
     */
    UNANSWERED
  }

  public CommandOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    readings = List.copyOf(readings);
  }

  public static CommandOutcome executed(List<Reading> readings) {
    return new CommandOutcome(Status.EXECUTED, "", readings);
  }

  public static CommandOutcome of(Status status, String detail) {
    return new CommandOutcome(status, detail, List.of());
  }
}
