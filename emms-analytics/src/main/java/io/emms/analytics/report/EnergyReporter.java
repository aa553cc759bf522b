package io.emms.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Daily and monthly energy reports from interval energy: kWh per time-of-use tariff, maximum demand and load
 * factor. Intervals are assigned to days, months and tariffs by their start time in the report's zone.
 * Stateless and thread-safe.
 */
public final class EnergyReporter {

  private final TouSchedule schedule;
  private final ZoneId zone;
  private final DemandWindow demand;

  public EnergyReporter(TouSchedule schedule, ZoneId zone, DemandWindow demand) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.demand = Objects.requireNonNull(demand, "demand");
  }

  /**
   * One entry per local day that has intervals.
   *
   * @param startMillis interval starts, increasing
   * @param kwh interval energy, NaN when missing
   * @param interval interval length; the demand window must be a whole multiple of it
   */
  public List<PeriodEnergy> daily(long[] startMillis, double[] kwh, Duration interval) {
    return report(startMillis, kwh, interval, ZonedDateTime::toLocalDate);
  }

  /** One entry per calendar month that has intervals, keyed by the month's first day. */
  public List<PeriodEnergy> monthly(long[] startMillis, double[] kwh, Duration interval) {
    return report(startMillis, kwh, interval, z -> z.toLocalDate().withDayOfMonth(1));
  }

  private List<PeriodEnergy> report(long[] t, double[] kwh, Duration interval,
      Function<ZonedDateTime, LocalDate> period) {
    if (t.length != kwh.length) {
      throw new IllegalArgumentException(kwh.length + " values for " + t.length + " timestamps");
    }
    long windowMillis = demand.window().toMillis();
    if (windowMillis % interval.toMillis() != 0) {
      throw new IllegalArgumentException("demand window " + demand.window() + " is not a multiple of " + interval);
    }
    Map<LocalDate, int[]> ranges = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      LocalDate key = period.apply(Instant.ofEpochMilli(t[i]).atZone(zone));
      int index = i;
      ranges.computeIfAbsent(key, k -> new int[] {index, index})[1] = i + 1;
    }
    double[] windowDemand = demand.sliding() ? slidingDemand(t, kwh, interval) : blockDemand(t, kwh, interval);
    List<PeriodEnergy> out = new ArrayList<>();
    ranges.forEach((start, r) -> out.add(period(start, t, kwh, interval, windowDemand, r[0], r[1])));
    return out;
  }

  private PeriodEnergy period(LocalDate start, long[] t, double[] kwh, Duration interval, double[] windowDemand,
      int from, int to) {
    Map<Integer, Double> byTariff = new TreeMap<>();
    schedule.tariffNames().keySet().forEach(k -> byTariff.put(k, 0.0));
    double total = 0;
    int missing = 0;
    int best = -1;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(windowDemand[i]) && (best < 0 || windowDemand[i] > windowDemand[best])) {
        best = i;
      }
      if (Double.isNaN(kwh[i])) {
        missing++;
        continue;
      }
      int tariff = schedule.tariffAt(Instant.ofEpochMilli(t[i]).atZone(zone).toLocalTime());
      byTariff.merge(tariff, kwh[i], Double::sum);
      total += kwh[i];
    }
    MaxDemand max = best < 0 ? MaxDemand.NONE : new MaxDemand(windowDemand[best], Instant.ofEpochMilli(t[best]));
    double hours = (to - from - missing) * interval.toMillis() / 3_600_000.0;
    double loadFactor = hours > 0 && max.kw() > 0 ? total / hours / max.kw() : Double.NaN;
    return new PeriodEnergy(start, byTariff, total, max, loadFactor, missing);
  }

  /** Demand of the block starting at index i (NaN elsewhere and for incomplete blocks). */
  private double[] blockDemand(long[] t, double[] kwh, Duration interval) {
    long window = demand.window().toMillis();
    int k = (int) (window / interval.toMillis());
    double[] out = nans(t.length);
    for (int i = 0; i < t.length; i++) {
      long local = t[i] + zone.getRules().getOffset(Instant.ofEpochMilli(t[i])).getTotalSeconds() * 1000L;
      if (Math.floorMod(local, window) == 0) {
        out[i] = windowSum(t, kwh, interval, i, k) / hours(window);
      }
    }
    return out;
  }

  /** Demand of the window of k intervals starting at index i. */
  private double[] slidingDemand(long[] t, double[] kwh, Duration interval) {
    long window = demand.window().toMillis();
    int k = (int) (window / interval.toMillis());
    double[] out = nans(t.length);
    for (int i = 0; i + k <= t.length; i++) {
      out[i] = windowSum(t, kwh, interval, i, k) / hours(window);
    }
    return out;
  }

  /** Sum of k consecutive intervals from i, NaN unless all are present and contiguous. */
  private static double windowSum(long[] t, double[] kwh, Duration interval, int i, int k) {
    if (i + k > t.length || t[i + k - 1] - t[i] != (k - 1) * interval.toMillis()) {
      return Double.NaN;
    }
    double sum = 0;
    for (int j = i; j < i + k; j++) {
      sum += kwh[j];
    }
    return sum;
  }

  private static double hours(long millis) {
    return millis / 3_600_000.0;
  }

  private static double[] nans(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
