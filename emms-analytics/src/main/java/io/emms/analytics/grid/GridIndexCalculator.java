package io.emms.analytics.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the indices of a {@link GridSeries} over its whole span (the aggregation window is the series; each
 * sample stands for its {@code sampleInterval}). Aggregation follows the standards: unbalance and THD use the 95th
 * percentile of the samples (the maximum against the short-time limit), frequency the largest |Δf|, voltage
 * deviation the extremes, load rate the maximum, power factor the integrated kWh and kvarh.
 */
public final class GridIndexCalculator {

  private static final double NOMINAL_FREQUENCY = 50;

  private final IndexLimits limits;

  /** A calculator that judges each index against {@code limits}. */
  public GridIndexCalculator(IndexLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Computes every index that the measurements of {@code s} allow (an index whose inputs are missing is left out). */
  public GridAssessment assess(GridSeries s) {
    List<IndexValue> out = new ArrayList<>();
    Optional<VoltageQualification> vq = voltage(s, out);
    if (s.threePhaseVoltage()) {
      unbalance(s, out);
    }
    if (s.threePhaseCurrent()) {
      currentUnbalance(s, out);
    }
    if (s.f().length > 0) {
      frequency(s, out);
    }
    if (s.thd().length > 0) {
      thd(s, out);
    }
    if (s.p().length > 0) {
      load(s, out);
    }
    return new GridAssessment(out, vq);
  }

  /** The line-loss rate of an area (transformer district) from supplied and billed energy. */
  public IndexValue lineLoss(double suppliedKwh, double billedKwh) {
    double rate = PowerQuality.lineLossRatePercent(suppliedKwh, billedKwh);
    return new IndexValue(GridIndex.LINE_LOSS_RATE, rate, limits.lineLossPercent(), IndexValue.Direction.AT_MOST,
        "supplied − billed over the billing period", fmt("supplied %.1f kWh, billed %.1f kWh, loss %.1f kWh",
            suppliedKwh, billedKwh, suppliedKwh - billedKwh));
  }

  private Optional<VoltageQualification> voltage(GridSeries s, List<IndexValue> out) {
    double[][] phases = Arrays.stream(new double[][] {s.ua(), s.ub(), s.uc()}).filter(a -> a.length > 0)
        .toArray(double[][]::new);
    if (phases.length == 0) {
      return Optional.empty();
    }
    VoltageQualification q = VoltageQualification.of(s.nominalVoltage(), limits.voltageUpperPercent(),
        limits.voltageLowerPercent(), s.sampleInterval().toSeconds() / 60.0, phases);
    if (Double.isNaN(q.ratePercent())) {
      return Optional.empty();
    }
    String samples = fmt("%d phase(s), %.0f monitored minutes, Un %.0f V", phases.length, q.monitoredMinutes(),
        s.nominalVoltage());
    out.add(new IndexValue(GridIndex.VOLTAGE_DEVIATION, q.maxDeviationPercent(), limits.voltageUpperPercent(),
        IndexValue.Direction.AT_MOST, "maximum deviation", fmt("%s; %.0f min above", samples, q.aboveMinutes())));
    out.add(new IndexValue(GridIndex.VOLTAGE_DEVIATION, q.minDeviationPercent(), limits.voltageLowerPercent(),
        IndexValue.Direction.AT_LEAST, "minimum deviation", fmt("%s; %.0f min below", samples, q.belowMinutes())));
    out.add(new IndexValue(GridIndex.VOLTAGE_QUALIFICATION_RATE, q.ratePercent(), limits.qualificationTargetPercent(),
        IndexValue.Direction.AT_LEAST, "share of monitored minutes within the deviation band",
        fmt("%.0f min above +%.1f %%, %.0f min below %.1f %%", q.aboveMinutes(), limits.voltageUpperPercent(),
            q.belowMinutes(), limits.voltageLowerPercent())));
    return Optional.of(q);
  }

  private void unbalance(GridSeries s, List<IndexValue> out) {
    double[] ua = s.ua();
    double[] ub = s.ub();
    double[] uc = s.uc();
    double[] e = new double[ua.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = PowerQuality.unbalanceFromPhaseMagnitudesPercent(ua[i], ub[i], uc[i]);
    }
    double p95 = percentile95(e);
    double max = max(e);
    String detail = fmt("maximum %.2f %% (short-time limit %.1f %%); phase magnitudes at 120° assumed", max,
        limits.unbalanceShortTimePercent());
    out.add(new IndexValue(GridIndex.VOLTAGE_UNBALANCE, p95, limits.unbalancePercent(), IndexValue.Direction.AT_MOST,
        "95th percentile of " + count(e) + " samples", detail));
    if (max > limits.unbalanceShortTimePercent()) {
      out.add(new IndexValue(GridIndex.VOLTAGE_UNBALANCE, max, limits.unbalanceShortTimePercent(),
          IndexValue.Direction.AT_MOST, "maximum (short-time limit)", detail));
    }
  }

  private void currentUnbalance(GridSeries s, List<IndexValue> out) {
    double[] ia = s.ia();
    double[] ib = s.ib();
    double[] ic = s.ic();
    double[] u = new double[ia.length];
    double[] mean = new double[3];
    for (int i = 0; i < u.length; i++) {
      u[i] = PowerQuality.currentUnbalancePercent(ia[i], ib[i], ic[i]);
      mean[0] += nz(ia[i]) / u.length;
      mean[1] += nz(ib[i]) / u.length;
      mean[2] += nz(ic[i]) / u.length;
    }
    int hi = argMax(mean);
    int lo = argMin(mean);
    out.add(new IndexValue(GridIndex.CURRENT_UNBALANCE, percentile95(u), limits.currentUnbalancePercent(),
        IndexValue.Direction.AT_MOST, "95th percentile of " + count(u) + " samples",
        fmt("phase %c most loaded (mean %.1f A), phase %c least loaded (mean %.1f A)", (char) ('A' + hi), mean[hi],
            (char) ('A' + lo), mean[lo])));
  }

  private void frequency(GridSeries s, List<IndexValue> out) {
    double[] f = s.f();
    double worst = 0;
    int within = 0;
    int n = 0;
    for (double x : f) {
      if (Double.isNaN(x)) {
        continue;
      }
      double d = PowerQuality.frequencyDeviationHz(x, NOMINAL_FREQUENCY);
      if (Math.abs(d) > Math.abs(worst)) {
        worst = d;
      }
      if (Math.abs(d) <= limits.frequencyHz()) {
        within++;
      }
      n++;
    }
    if (n == 0) {
      return;
    }
    out.add(new IndexValue(GridIndex.FREQUENCY_DEVIATION, Math.abs(worst), limits.frequencyHz(),
        IndexValue.Direction.AT_MOST, "largest |f − 50 Hz| of " + n + " samples",
        fmt("worst %+.3f Hz; %.2f %% of samples within ±%.1f Hz", worst, 100.0 * within / n, limits.frequencyHz())));
  }

  private void thd(GridSeries s, List<IndexValue> out) {
    double[] thd = s.thd();
    if (count(thd) == 0) {
      return;
    }
    out.add(new IndexValue(GridIndex.VOLTAGE_THD, percentile95(thd), limits.thdPercent(), IndexValue.Direction.AT_MOST,
        "95th percentile of " + count(thd) + " samples", fmt("maximum %.2f %%", max(thd))));
  }

  private void load(GridSeries s, List<IndexValue> out) {
    double[] p = s.p();
    double[] q = s.q();
    double hours = s.sampleInterval().toSeconds() / 3600.0;
    double kwh = 0;
    double kvarh = 0;
    double maxRate = Double.NaN;
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        continue;
      }
      double qi = q.length > 0 && !Double.isNaN(q[i]) ? q[i] : 0;
      kwh += p[i] * hours;
      kvarh += Math.abs(qi) * hours;
      if (s.ratedKva() > 0) {
        double rate = PowerQuality.loadRatePercent(p[i], qi, s.ratedKva());
        maxRate = Double.isNaN(maxRate) ? rate : Math.max(maxRate, rate);
      }
    }
    double avgP = kwh / (count(p) * hours);
    if (q.length > 0) {
      double pf = PowerQuality.powerFactor(kwh, kvarh);
      String detail = pf < limits.powerFactorMin() ? fmt("%.1f kWh, %.1f kvarh; about %.1f kvar of compensation "
          + "lifts cos φ to %.2f at the mean load of %.1f kW", kwh, kvarh,
          PowerQuality.compensationKvar(avgP, pf, limits.powerFactorMin()), limits.powerFactorMin(), avgP)
          : fmt("%.1f kWh, %.1f kvarh", kwh, kvarh);
      out.add(new IndexValue(GridIndex.POWER_FACTOR, pf, limits.powerFactorMin(), IndexValue.Direction.AT_LEAST,
          "from integrated kWh and kvarh", detail));
    }
    if (!Double.isNaN(maxRate)) {
      out.add(new IndexValue(GridIndex.LOAD_RATE, maxRate, limits.loadRateHeavyPercent(), IndexValue.Direction.AT_MOST,
          "maximum S/Sn", fmt("Sn %.0f kVA; overload above %.0f %%", s.ratedKva(), limits.loadRateOverloadPercent())));
    }
    out.add(new IndexValue(GridIndex.LOAD_FACTOR, PowerQuality.loadFactor(p), Double.NaN,
        IndexValue.Direction.INFORMATIONAL, "mean P / maximum P", fmt("mean %.2f kW", avgP)));
    out.add(new IndexValue(GridIndex.PEAK_VALLEY_RATE, PowerQuality.peakValleyRatePercent(p), Double.NaN,
        IndexValue.Direction.INFORMATIONAL, "(maximum P − minimum P) / maximum P", ""));
  }

  /** Nearest-rank 95th percentile of the non-missing values. */
  static double percentile95(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(0.95 * v.length);
    return v[rank - 1];
  }

  private static double max(double[] values) {
    return Arrays.stream(values).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
  }

  private static int count(double[] values) {
    return (int) Arrays.stream(values).filter(x -> !Double.isNaN(x)).count();
  }

  private static double nz(double x) {
    return Double.isNaN(x) ? 0 : x;
  }

  private static int argMax(double[] a) {
    return a[0] >= a[1] ? (a[0] >= a[2] ? 0 : 2) : (a[1] >= a[2] ? 1 : 2);
  }

  private static int argMin(double[] a) {
    return a[0] <= a[1] ? (a[0] <= a[2] ? 0 : 2) : (a[1] <= a[2] ? 1 : 2);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
