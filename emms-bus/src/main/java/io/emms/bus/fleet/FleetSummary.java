package io.emms.bus.fleet;

import io.emms.bus.Counters;
import java.util.List;

/**
 * What a {@link FleetPoller} did so far, per line and per meter.
 *
 * @param lines one entry per line, in fleet order
 * @param meters one entry per meter, in fleet order
 */
public record FleetSummary(List<LineSummary> lines, List<MeterSummary> meters) {

  public FleetSummary {
    lines = List.copyOf(lines);
    meters = List.copyOf(meters);
  }

  /**
   * @param id the line's id
   * @param link the link's name
   * @param open whether the link is open now
   * @param counters the line's counters
   */
  public record LineSummary(String id, String link, boolean open, Counters counters) {}

  /**
   * @param id the meter's id
   * @param line the id of its line
   * @param polls polls started
   * @param valid readings with a value
   * @param missing readings without one (timed out, refused, no data)
   * @param failures polls that failed as a whole
   * @param skipped polls not started because the previous one had not finished
   * @param counters the line's counters for this meter
   */
  public record MeterSummary(
      String id, String line, long polls, long valid, long missing, long failures, long skipped, Counters counters) {}

  /** Whether every poll answered and every reading has a value. */
  public boolean allRead() {
    return meters.stream().allMatch(m -> m.missing() == 0 && m.failures() == 0 && m.polls() > 0);
  }
}
