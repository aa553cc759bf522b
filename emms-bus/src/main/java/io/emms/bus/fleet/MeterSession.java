package io.emms.bus.fleet;

import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A protocol's client on one line, serving all the line's meters of that protocol. */
public interface MeterSession extends AutoCloseable {

  /**
   * Polls {@code quantities} of {@code meter} at poll priority. As with {@link io.emms.core.meter.MeterReader}, a
   * quantity that could not be read comes back as a reading without a value and with the reason in its quality;
   * the future fails only when the meter cannot be asked at all.
   */
  CompletableFuture<List<Reading>> read(MeterEndpoint meter, List<Quantity> quantities);

  /** The meter id the line counts {@code meter}'s transactions under (see {@link io.emms.bus.Line#counters(String)}). */
  String lineMeterId(MeterEndpoint meter);

  /** Stops using the line; leaves the line and the link open. */
  @Override
  void close();
}
