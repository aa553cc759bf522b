package io.emms.analytics.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a register between two readings and that the readings alone cannot prove: the
 * field crew reports it, so a decrease at that moment is explained rather than flagged.
 */
public sealed interface RegisterEvent permits RegisterEvent.MeterReplacement, RegisterEvent.RegisterReset {

  /** When the event happened. */
  Instant at();

  /**
   * The old meter was removed showing {@code oldFinal} and a new one installed showing {@code newInitial}; the
   * energy of the interval spanning the swap is (oldFinal − previous) + (next − newInitial).
   */
  record MeterReplacement(Instant at, BigDecimal oldFinal, BigDecimal newInitial) implements RegisterEvent {
    /** Checks the components (see the class description for their meaning). */
    public MeterReplacement {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(oldFinal, "oldFinal");
      Objects.requireNonNull(newInitial, "newInitial");
    }
  }

  /**
   * The register was cleared (e.g. a meter clear command) after showing {@code valueBeforeReset}; it restarts
   * from zero.
   */
  record RegisterReset(Instant at, BigDecimal valueBeforeReset) implements RegisterEvent {
    /** Checks the components (see the class description for their meaning). */
    public RegisterReset {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(valueBeforeReset, "valueBeforeReset");
    }
  }
}
