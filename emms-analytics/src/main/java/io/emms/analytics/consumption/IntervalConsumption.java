package io.emms.analytics.consumption;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Energy consumed between two register readings.
 *
 * @param start timestamp of the earlier reading
 * @param end timestamp of the later reading
 * @param energy the consumption, never negative; {@code null} when it cannot be determined
 * @param flags how the value was obtained or why it is missing (empty for a plain difference)
 */
public record IntervalConsumption(Instant start, Instant end, BigDecimal energy, Set<ConsumptionFlag> flags) {

  /** Checks the components (see the class description for their meaning). */
  public IntervalConsumption {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    flags = Set.copyOf(flags);
    if (energy != null && energy.signum() < 0) {
      throw new IllegalArgumentException("negative consumption " + energy);
    }
  }

  /** Whether the energy of this interval is known. */
  public boolean known() {
    return energy != null;
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** The energy as a double, NaN when unknown. */
  public double energyOrNaN() {
    return energy == null ? Double.NaN : energy.doubleValue();
  }
}
