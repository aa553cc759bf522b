package io.emms.analytics.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How maximum demand is measured: the average power over a window, either over fixed consecutive blocks aligned
 * to the clock or over a window that slides by one interval.
 *
 * @param window the demand period (15 minutes is the usual billing window)
 * @param sliding true for a sliding window, false for fixed blocks
 */
public record DemandWindow(Duration window, boolean sliding) {

  /** Checks the components (see the class description for their meaning). */
  public DemandWindow {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  public static DemandWindow block(Duration window) {
    return new DemandWindow(window, false);
  }

  public static DemandWindow sliding(Duration window) {
    return new DemandWindow(window, true);
  }
}
