package io.emms.bus.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lines and the meters on them, as a fleet file describes them ({@link FleetFile}) or as built in code. Line ids
 * are unique, and so are meter ids across all lines.
 */
public record Fleet(List<FleetLine> lines) {

  public Fleet {
    lines = List.copyOf(lines);
    Set<String> lineIds = new HashSet<>();
    Set<String> meterIds = new HashSet<>();
    for (FleetLine line : lines) {
      if (!lineIds.add(line.id())) {
        throw new IllegalArgumentException("two lines are called " + line.id());
      }
      for (MeterEndpoint meter : line.meters()) {
        if (!meterIds.add(meter.id())) {
          throw new IllegalArgumentException("two meters are called " + meter.id());
        }
      }
    }
  }

  /** Every meter of every line. */
  public List<MeterEndpoint> meters() {
    return lines.stream().flatMap(l -> l.meters().stream()).toList();
  }
}
