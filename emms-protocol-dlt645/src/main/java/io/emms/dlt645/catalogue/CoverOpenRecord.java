package io.emms.dlt645.catalogue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A meter-cover-open event (2007 DI {@code 03300D0n}, 60 bytes): opening and closing time ({@code YYMMDDhhmmss}),
 * then six energy totals ({@code XXXXXX.XX} kWh / kvarh) before opening and the same six after closing. The notes
 * give only the 60-byte length; this layout follows the 2007 event-record table as commonly implemented.
 *
 * @param opened when the cover was opened
 * @param closed when it was closed; empty while still open or on invalid bytes
 * @param before energies when it was opened
 * @param after energies when it was closed
 */
public record CoverOpenRecord(
    Optional<LocalDateTime> opened, Optional<LocalDateTime> closed, Energies before, Energies after)
    implements Dlt645Value {

  /** Checks the components (see the class description for their meaning). */
  public CoverOpenRecord {
    Objects.requireNonNull(opened, "opened");
    Objects.requireNonNull(closed, "closed");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /**
   * Energy totals at one instant; each is empty when the meter sent no valid value.
   *
   * @param forwardActive kWh
   * @param reverseActive kWh
   * @param reactiveQ1 kvarh, quadrant I
   * @param reactiveQ2 kvarh, quadrant II
   * @param reactiveQ3 kvarh, quadrant III
   * @param reactiveQ4 kvarh, quadrant IV
   */
  public record Energies(
      Optional<BigDecimal> forwardActive, Optional<BigDecimal> reverseActive, Optional<BigDecimal> reactiveQ1,
      Optional<BigDecimal> reactiveQ2, Optional<BigDecimal> reactiveQ3, Optional<BigDecimal> reactiveQ4) {

    /** Checks the components (see the class description for their meaning). */
    public Energies {
      Objects.requireNonNull(forwardActive, "forwardActive");
      Objects.requireNonNull(reverseActive, "reverseActive");
      Objects.requireNonNull(reactiveQ1, "reactiveQ1");
      Objects.requireNonNull(reactiveQ2, "reactiveQ2");
      Objects.requireNonNull(reactiveQ3, "reactiveQ3");
      Objects.requireNonNull(reactiveQ4, "reactiveQ4");
    }
  }
}
