package io.emms.analytics.vee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rule implementations; one method per rule, each appending its findings. */
final class VeeRules {

  private final VeeConfig c;
  private final IntervalData d;
  private final long[] t;
  private final double[] e;
  private final double hours;
  private final List<Finding> out = new ArrayList<>();

  VeeRules(VeeConfig config, IntervalData data) {
    this.c = config;
    this.d = data;
    this.t = data.startMillis();
    this.e = data.energy();
    this.hours = data.interval().toMillis() / 3_600_000.0;
  }

  List<Finding> run() {
    List<Day> days = Day.split(t, d.interval().toMillis(), c.zone());
    if (c.enabled(VeeRule.GAP)) {
      gaps();
    }
    if (c.enabled(VeeRule.SPIKE)) {
      days.forEach(this::spike);
    }
    if (c.enabled(VeeRule.HIGH_VS_HISTORY) || c.enabled(VeeRule.LOW_VS_HISTORY)) {
      history(days);
    }
    if (c.enabled(VeeRule.ZERO_WHILE_ACTIVE) && c.meterActive()) {
      zeroRuns();
    }
    if (c.enabled(VeeRule.STUCK_VALUE)) {
      stuckRuns();
    }
    if (c.enabled(VeeRule.NEGATIVE)) {
      negatives();
    }
    if (c.enabled(VeeRule.REGISTER_DECREASING) && d.hasRegister()) {
      registerDecreasing();
    }
    if (c.enabled(VeeRule.METER_FAST)) {
      meterFast();
    }
    if (c.enabled(VeeRule.STOPPED_METER) && d.hasRegister() && d.hasPower()) {
      stoppedMeter();
    }
    if (c.enabled(VeeRule.SUM_CHECK) && d.hasRegister()) {
      days.forEach(this::sumCheck);
    }
    if (c.enabled(VeeRule.DUPLICATE)) {
      duplicates();
    }
    if (c.enabled(VeeRule.CLOCK_ERROR)) {
      clock();
    }
    return out;
  }

  private void add(VeeRule rule, int i, double value, double threshold, String format, Object... args) {
    out.add(new Finding(rule, i, Instant.ofEpochMilli(t[i]), value, threshold,
        String.format(Locale.ROOT, format, args)));
  }

  private void gaps() {
    long step = d.interval().toMillis();
    for (int i = 0; i < e.length; i++) {
      if (i > 0 && t[i] - t[i - 1] > step + c.clockTolerance().toMillis()) {
        long missing = (t[i] - t[i - 1]) / step - 1;
        add(VeeRule.GAP, i, missing, 0, "%d interval(s) missing before %s", missing, Instant.ofEpochMilli(t[i]));
      }
      if (Double.isNaN(e[i]) && (i == 0 || !Double.isNaN(e[i - 1]))) {
        int end = i;
        while (end < e.length && Double.isNaN(e[end])) {
          end++;
        }
        add(VeeRule.GAP, i, end - i, 0, "%d interval value(s) missing from %s", end - i, Instant.ofEpochMilli(t[i]));
      }
    }
  }

  private void spike(Day day) {
    double[] v = day.values(e);
    if (v.length < Math.max(3, day.expected() / 2)) {
      return; // "third highest" means little on a partial day
    }
    Arrays.sort(v);
    double third = Math.max(v[v.length - 3], c.spikeFloorKwh());
    double limit = c.spikeRatio() * third;
    for (int i = day.from(); i < day.to(); i++) {
      if (e[i] > limit) {
        add(VeeRule.SPIKE, i, e[i], limit, "interval %.3f kWh exceeds %.1f × the day's third highest (%.3f kWh) = %.3f",
            e[i], c.spikeRatio(), third, limit);
      }
    }
  }

  private void history(List<Day> days) {
    List<Double> totals = new ArrayList<>();
    for (Day day : days) {
      double total = day.completeTotal(e);
      int n = Math.min(totals.size(), c.historyDays());
      if (!Double.isNaN(total) && n >= c.minHistoryDays()) {
        double[] recent = totals.subList(totals.size() - n, totals.size()).stream().mapToDouble(x -> x).toArray();
        Arrays.sort(recent);
        double median = (recent[(n - 1) / 2] + recent[n / 2]) / 2;
        compareWithHistory(day, total, median, n);
      }
      if (!Double.isNaN(total) && day.allNonNegative(e)) {
        totals.add(total); // faulty days never become history
      }
    }
  }

  private void compareWithHistory(Day day, double total, double median, int n) {
    double high = c.highFactor() * median;
    double low = c.lowFactor() * median;
    if (c.enabled(VeeRule.HIGH_VS_HISTORY) && total > high) {
      add(VeeRule.HIGH_VS_HISTORY, day.from(), total, high,
          "day %s total %.3f kWh exceeds %.2f × the %d-day median %.3f kWh", day.date(), total, c.highFactor(), n,
          median);
    }
    if (c.enabled(VeeRule.LOW_VS_HISTORY) && total < low) {
      add(VeeRule.LOW_VS_HISTORY, day.from(), total, low,
          "day %s total %.3f kWh is below %.2f × the %d-day median %.3f kWh", day.date(), total, c.lowFactor(), n,
          median);
    }
  }

  private void stuckRuns() {
    int i = 0;
    while (i < e.length) {
      int end = i + 1;
      while (end < e.length && e[end] == e[i]) {
        end++;
      }
      if (e[i] > 0 && end - i >= c.stuckRunIntervals()) {
        add(VeeRule.STUCK_VALUE, i, end - i, c.stuckRunIntervals(),
            "%d consecutive intervals repeat %.3f kWh exactly (limit %d)", end - i, e[i], c.stuckRunIntervals());
      }
      i = end;
    }
  }

  private void zeroRuns() {
    int i = 0;
    while (i < e.length) {
      if (e[i] != 0) {
        i++;
        continue;
      }
      int end = i;
      while (end < e.length && e[end] == 0) {
        end++;
      }
      if (end - i >= c.zeroRunIntervals()) {
        add(VeeRule.ZERO_WHILE_ACTIVE, i, end - i, c.zeroRunIntervals(),
            "%d consecutive zero intervals on an active meter (limit %d)", end - i, c.zeroRunIntervals());
      }
      i = end;
    }
  }

  private void negatives() {
    for (int i = 0; i < e.length; i++) {
      if (e[i] < 0) {
        add(VeeRule.NEGATIVE, i, e[i], 0, "negative interval consumption %.3f kWh", e[i]);
      }
    }
  }

  private void registerDecreasing() {
    double[] r = d.register();
    double rollover = 0.9 * c.register().modulus().doubleValue();
    int last = -1;
    for (int i = 0; i < r.length; i++) {
      if (Double.isNaN(r[i])) {
        continue;
      }
      if (last >= 0 && r[i] < r[last] && r[last] - r[i] <= rollover) {
        add(VeeRule.REGISTER_DECREASING, i, r[i], r[last], "register fell from %.2f to %.2f kWh without rollover",
            r[last], r[i]);
      }
      last = i;
    }
  }

  private void meterFast() {
    double limit = c.phases() * c.nominalVoltageV() * c.ratedCurrentA() * hours / 1000 * (1 + c.fastTolerance());
    for (int i = 0; i < e.length; i++) {
      if (e[i] > limit) {
        add(VeeRule.METER_FAST, i, e[i], limit,
            "interval %.3f kWh exceeds %d × %.0f V × %.0f A × %.3f h × %.2f = %.3f kWh", e[i], c.phases(),
            c.nominalVoltageV(), c.ratedCurrentA(), hours, 1 + c.fastTolerance(), limit);
      }
    }
  }

  private void stoppedMeter() {
    double[] r = d.register();
    double[] p = d.power();
    for (int i = 1; i < r.length; i++) {
      double expected = p[i] * hours;
      if (p[i] > c.stoppedMinPowerKw() && expected >= 2 * c.registerResolutionKwh() && r[i] == r[i - 1]) {
        add(VeeRule.STOPPED_METER, i, 0, expected,
            "register stayed at %.2f kWh while %.3f kW should have advanced it by %.3f kWh", r[i], p[i], expected);
      }
    }
  }

  private void sumCheck(Day day) {
    double[] r = d.register();
    int first = day.from();
    int lastIdx = day.to() - 1;
    if (lastIdx <= first || Double.isNaN(r[first]) || Double.isNaN(r[lastIdx])) {
      return;
    }
    double sum = 0;
    for (int i = first + 1; i <= lastIdx; i++) {
      sum += e[i];
    }
    if (Double.isNaN(sum)) {
      return;
    }
    double advance = r[lastIdx] - r[first];
    if (advance < 0) {
      advance += c.register().modulus().doubleValue();
    }
    double tolerance = c.sumToleranceKwh() + c.sumToleranceFraction() * Math.abs(advance);
    if (Math.abs(sum - advance) > tolerance) {
      add(VeeRule.SUM_CHECK, first, sum, advance,
          "day %s intervals sum to %.3f kWh but the register advanced %.3f kWh (tolerance %.3f)", day.date(), sum,
          advance, tolerance);
    }
  }

  private void duplicates() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < t.length; i++) {
      if (!seen.add(t[i])) {
        add(VeeRule.DUPLICATE, i, e[i], 0, "interval %s appears more than once", Instant.ofEpochMilli(t[i]));
      }
    }
  }

  private void clock() {
    long step = d.interval().toMillis();
    long tol = c.clockTolerance().toMillis();
    for (int i = 0; i < t.length; i++) {
      long ms = ZonedDateTime.ofInstant(Instant.ofEpochMilli(t[i]), c.zone()).toLocalTime().toNanoOfDay() / 1_000_000;
      long off = Math.floorMod(ms, step);
      long dist = Math.min(off, step - off);
      if (dist > tol) {
        add(VeeRule.CLOCK_ERROR, i, dist / 1000.0, tol / 1000.0, "timestamp %s is %d s off the %d-minute grid",
            Instant.ofEpochMilli(t[i]), dist / 1000, step / 60_000);
      }
      if (i > 0 && t[i] < t[i - 1]) {
        add(VeeRule.CLOCK_ERROR, i, (t[i - 1] - t[i]) / 1000.0, 0, "timestamp %s goes back %d s",
            Instant.ofEpochMilli(t[i]), (t[i - 1] - t[i]) / 1000);
      }
      if (c.notAfter() != null && t[i] + step > c.notAfter().toEpochMilli()) {
        add(VeeRule.CLOCK_ERROR, i, t[i] / 1000.0, c.notAfter().getEpochSecond(), "interval %s ends in the future",
            Instant.ofEpochMilli(t[i]));
      }
    }
  }

  /** A run of consecutive indices on the same local date. */
  record Day(LocalDate date, int from, int to, int expected) {

    static List<Day> split(long[] t, long stepMillis, ZoneId zone) {
      List<Day> days = new ArrayList<>();
      int from = 0;
      for (int i = 1; i <= t.length; i++) {
        if (i == t.length || !date(t[i], zone).equals(date(t[from], zone))) {
          LocalDate date = date(t[from], zone);
          long dayMillis = java.time.Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone))
              .toMillis();
          days.add(new Day(date, from, i, (int) (dayMillis / stepMillis)));
          from = i;
        }
      }
      return t.length == 0 ? List.of() : days;
    }

    private static LocalDate date(long millis, ZoneId zone) {
      return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    double[] values(double[] e) {
      return Arrays.stream(e, from, to).filter(x -> !Double.isNaN(x)).toArray();
    }

    boolean allNonNegative(double[] e) {
      for (int i = from; i < to; i++) {
        if (e[i] < 0) {
          return false;
        }
      }
      return true;
    }

    /** The day's total when every interval of the day is present, else NaN. */
    double completeTotal(double[] e) {
      if (to - from != expected) {
        return Double.NaN;
      }
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += e[i];
      }
      return sum;
    }
  }
}
