package io.emms.analytics.grid;

import java.util.List;
import java.util.Optional;

/**
 * The indices of one monitoring point over one window.
 *
 * @param values every index that the measurements allowed to compute
 * @param qualification the voltage qualification detail, when voltages were measured
 */
public record GridAssessment(List<IndexValue> values, Optional<VoltageQualification> qualification) {

  /** Checks the components (see the class description for their meaning). */
  public GridAssessment {
    values = List.copyOf(values);
  }

  /** The values of one index (voltage deviation has a maximum and a minimum entry). */
  public List<IndexValue> of(GridIndex index) {
    return values.stream().filter(v -> v.index() == index).toList();
  }

  /** The indices beyond their limits. */
  public List<IndexValue> violations() {
    return values.stream().filter(v -> !v.withinLimit()).toList();
  }
}
