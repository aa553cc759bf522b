package io.emms.analytics.grid;

import java.util.Objects;

/**
 * One index over one aggregation window.
 *
 * @param index which index
 * @param value the aggregated value (see {@code basis} for how it was aggregated)
 * @param limit the limit it was compared with; NaN for indices without a limit
 * @param direction whether the value must stay below or above the limit
 * @param basis how the value was aggregated, e.g. "95th percentile of 1440 samples"
 * @param detail extra evidence for advice (e.g. which phase is most loaded); empty when none
 */
public record IndexValue(GridIndex index, double value, double limit, Direction direction, String basis,
    String detail) {

  /** Which side of the limit is acceptable. */
  public enum Direction {
    AT_MOST, AT_LEAST, INFORMATIONAL
  }

  /** Checks the components (see the class description for their meaning). */
  public IndexValue {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(detail, "detail");
  }

  /** Whether the value is within its limit (always true for informational indices and NaN values). */
  public boolean withinLimit() {
    return switch (direction) {
      case AT_MOST -> !(value > limit);
      case AT_LEAST -> !(value < limit);
      case INFORMATIONAL -> true;
    };
  }
}
