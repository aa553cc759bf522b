package io.emms.analytics.consumption;

import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns cumulative register readings into interval consumption with exact decimals (registers are BCD
 * decimals; binary doubles would invent fractions of a cent).
 *
 * <p>Per interval the register difference is taken; a reported {@link RegisterEvent} inside the interval is
 * stitched across; a decrease is a rollover only if the wrapped difference is plausible, otherwise the interval
 * is marked {@link ConsumptionFlag#REGISTER_DECREASE} with unknown energy. No interval is ever negative.
 */
public final class ConsumptionCalculator {

  private final ConsumptionConfig config;

  public ConsumptionCalculator(ConsumptionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Computes interval consumption.
   *
   * @param readings readings of one cumulative register of one meter, in any order; readings without a value
   *     are ignored (the surrounding interval simply gets longer)
   * @param events field-reported replacements and resets, in any order
   */
  public ConsumptionSeries compute(List<Reading> readings, List<? extends RegisterEvent> events) {
    checkSingleRegister(readings);
    List<Indexed> valued = new ArrayList<>();
    Instant latest = Instant.MIN;
    for (Reading r : readings) {
      if (r.hasValue()) {
        Indexed x = new Indexed(r.timestamp(), r.value(), EnumSet.noneOf(ConsumptionFlag.class));
        // Out of order: a reading with a later timestamp arrived before this one.
        if (r.timestamp().isBefore(latest)) {
          x.flags().add(ConsumptionFlag.OUT_OF_ORDER);
        }
        latest = r.timestamp().isAfter(latest) ? r.timestamp() : latest;
        valued.add(x);
      }
    }
    valued.sort(Comparator.comparing(Indexed::at)); // stable: the first received of equal timestamps wins
    List<RegisterEvent> sortedEvents = new ArrayList<>(events);
    sortedEvents.sort(Comparator.comparing(RegisterEvent::at));

    List<Indexed> distinct = new ArrayList<>();
    for (Indexed cur : valued) {
      Indexed kept = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (kept != null && kept.at().equals(cur.at())) {
        kept.flags().add(kept.value().compareTo(cur.value()) == 0
            ? ConsumptionFlag.DUPLICATE : ConsumptionFlag.CONFLICTING_DUPLICATE);
      } else {
        distinct.add(cur);
      }
    }

    List<IntervalConsumption> out = new ArrayList<>();
    for (int i = 1; i < distinct.size(); i++) {
      Indexed prev = distinct.get(i - 1);
      Indexed cur = distinct.get(i);
      EnumSet<ConsumptionFlag> flags = EnumSet.copyOf(cur.flags());
      BigDecimal energy = interval(prev, cur, eventsIn(sortedEvents, prev.at(), cur.at()), flags);
      if (Duration.between(prev.at(), cur.at()).compareTo(config.longGap()) > 0) {
        flags.add(ConsumptionFlag.LONG_GAP);
      }
      out.add(new IntervalConsumption(prev.at(), cur.at(), energy, flags));
    }
    return new ConsumptionSeries(out);
  }

  private BigDecimal interval(Indexed prev, Indexed cur, List<RegisterEvent> events, Set<ConsumptionFlag> flags) {
    if (events.isEmpty()) {
      return difference(prev.value(), cur.value(), flags);
    }
    // Stitch segment by segment: previous reading → first event → … → current reading.
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal from = prev.value();
    for (RegisterEvent e : events) {
      BigDecimal until;
      BigDecimal restart;
      if (e instanceof RegisterEvent.MeterReplacement m) {
        flags.add(ConsumptionFlag.METER_REPLACED);
        until = m.oldFinal();
        restart = m.newInitial();
      } else {
        RegisterEvent.RegisterReset r = (RegisterEvent.RegisterReset) e;
        flags.add(ConsumptionFlag.REGISTER_RESET);
        until = r.valueBeforeReset();
        restart = BigDecimal.ZERO;
      }
      BigDecimal part = difference(from, until, flags);
      if (part == null) {
        return null;
      }
      total = total.add(part);
      from = restart;
    }
    BigDecimal last = difference(from, cur.value(), flags);
    return last == null ? null : total.add(last);
  }

  private BigDecimal difference(BigDecimal from, BigDecimal to, Set<ConsumptionFlag> flags) {
    BigDecimal delta = to.subtract(from);
    if (delta.signum() >= 0) {
      return delta;
    }
    BigDecimal wrapped = delta.add(config.register().modulus());
    if (wrapped.signum() >= 0 && wrapped.compareTo(config.maxRolloverDelta()) <= 0) {
      flags.add(ConsumptionFlag.ROLLOVER);
      return wrapped;
    }
    flags.add(ConsumptionFlag.REGISTER_DECREASE);
    return null;
  }

  private static List<RegisterEvent> eventsIn(List<RegisterEvent> events, Instant after, Instant upTo) {
    List<RegisterEvent> in = new ArrayList<>();
    for (RegisterEvent e : events) {
      if (e.at().isAfter(after) && !e.at().isAfter(upTo)) {
        in.add(e);
      }
    }
    return in;
  }

  private static void checkSingleRegister(List<Reading> readings) {
    if (readings.isEmpty()) {
      return;
    }
    Reading first = readings.get(0);
    if (!first.quantity().measurand().cumulative()) {
      throw new IllegalArgumentException(first.quantity() + " is not a cumulative register");
    }
    for (Reading r : readings) {
      if (!r.meterId().equals(first.meterId()) || !r.quantity().equals(first.quantity())) {
        throw new IllegalArgumentException("readings mix registers: " + first.meterId() + "/" + first.quantity()
            + " and " + r.meterId() + "/" + r.quantity());
      }
    }
  }

  /** A valued reading with the flags that attach to the interval ending at it. */
  private record Indexed(Instant at, BigDecimal value, EnumSet<ConsumptionFlag> flags) {}
}
