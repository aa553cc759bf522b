package io.emms.dlt645.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, for repeatable simulations: a day of load is {@code advance(1 day)}
 * away and costs no waiting. Thread-safe.
 */
public final class SimulationClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at {@code start}, in UTC. */
  public SimulationClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private SimulationClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a simulation clock only moves forward");
    }
    now.updateAndGet(t -> t.plus(duration));
  }

  /** Sets the clock to {@code instant}, which must not be earlier than now. */
  public void set(Instant instant) {
    now.updateAndGet(t -> {
      if (instant.isBefore(t)) {
        throw new IllegalArgumentException("a simulation clock only moves forward");
      }
      return instant;
    });
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // The same time line seen from another zone: advancing either moves both.
    return new SimulationClock(now, java.util.Objects.requireNonNull(newZone, "zone"));
  }
}
