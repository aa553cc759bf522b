package io.emms.analytics.grid;

import java.util.Locale;
import java.util.Objects;

/**
 * What to do about one index out of limits.
 *
 * @param index the index
 * @param value its measured value
 * @param limit the limit it broke
 * @param severity how urgent
 * @param action the concrete corrective action
 */
public record Advice(GridIndex index, double value, double limit, Severity severity, String action) {

  /** Checks the components (see the class description for their meaning). */
  public Advice {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(action, "action");
  }

  /** The full sentence: index, measured value, limit, action. */
  public String text() {
    String unit = index.unit().isEmpty() ? "" : " " + index.unit();
    return String.format(Locale.ROOT, "[%s] %s is %.2f%s against a limit of %.2f%s: %s", severity, index.label(),
        value, unit, limit, unit, action);
  }
}
