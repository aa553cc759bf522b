package io.emms.core.meter;

import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads quantities from meters, whatever the protocol. Implementations never block the caller: the future
 * completes when the bus has answered, and a quantity that could not be read comes back as a {@link Reading}
 * without a value and with the reason in its quality, not as a failed future.
 */
public interface MeterReader {

  /**
   * Reads the given quantities from one meter.
   *
   * @param meterId the meter's address in the implementation's notation
   * @param quantities the quantities wanted, in the order the readings come back
   * @return one reading per quantity; the future fails only when the meter cannot be addressed at all
   */
  CompletableFuture<List<Reading>> read(String meterId, List<Quantity> quantities);
}
