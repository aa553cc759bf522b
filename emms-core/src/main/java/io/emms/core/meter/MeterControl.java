package io.emms.core.meter;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Commands that change a meter's state. Every call here should be audited by the application that issues it. */
public interface MeterControl {

  /**
   * Sends a relay command.
   *
   * @param meterId the meter's address in the implementation's notation
   * @param command what the relay should do
   * @param validUntil the command's validity deadline: the meter refuses it once this instant has passed
   * @return completes when the meter acknowledged; fails with {@link MeterException} when it refused
   */
  CompletableFuture<Void> relay(String meterId, RelayCommand command, Instant validUntil);

  /** Sets the meter's clock. */
  CompletableFuture<Void> setClock(String meterId, Instant time);
}
