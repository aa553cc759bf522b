package io.emms.dlt645.catalogue;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A power-down event (2007 DI {@code 0311000n}): when supply was lost and when it returned, each
 * {@code YYMMDDhhmmss}, start first.
 *
 * @param start when power went down; empty if the meter sent no valid time
 * @param end when power returned; empty while it has not (meters fill zeros or {@code FF}) or on invalid bytes
 */
public record PowerDownRecord(Optional<LocalDateTime> start, Optional<LocalDateTime> end) implements Dlt645Value {

  /** Checks the components (see the class description for their meaning). */
  public PowerDownRecord {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }
}
