package io.emms.bus.fleet;

import io.emms.bus.FrameTrace;
import io.emms.core.reading.Reading;
import java.time.Instant;
import java.util.List;

/**
 * Receives what a {@link FleetPoller} reads. Calls come one at a time from the poller's thread, so an
 * implementation needs no locking; keep them short, since they hold up the next call.
 */
public interface FleetListener {

  /** A poll of {@code meter} answered: one reading per quantity, some perhaps without a value. */
  void onReadings(MeterEndpoint meter, List<Reading> readings);

  /** A poll of {@code meter} failed as a whole (the link is down, the line's queue is full, ...). */
  void onFailure(MeterEndpoint meter, Throwable failure);

  /** A line's link could not be opened; its meters' polls fail until it opens. */
  default void onLineDown(FleetLine line, Throwable failure) {}

  /** A frame went over a line; only when the poller was asked to trace. */
  default void onFrame(FleetLine line, FrameTrace.Direction direction, Instant time, String hex) {}
}
