package io.emms.analytics.grid;

import java.time.Duration;
import java.util.Objects;

/**
 * Measurements of one monitoring point as parallel arrays, one sample per aggregation interval (e.g. 1-minute
 * averages for voltage statistics, 15-minute for load). Missing samples are NaN. Arrays are copied in and out.
 *
 * @param epochMillis sample timestamps
 * @param sampleInterval the aggregation interval each sample stands for
 * @param nominalVoltage nominal phase voltage Un (V)
 * @param ratedKva transformer rating Sn (kVA); NaN when unknown (no load rate then)
 * @param ua phase A voltage (V); empty when not measured
 * @param ub phase B voltage (V); empty when not measured
 * @param uc phase C voltage (V); empty when not measured
 * @param ia phase A current (A); empty when not measured
 * @param ib phase B current (A); empty when not measured
 * @param ic phase C current (A); empty when not measured
 * @param p total active power (kW); empty when not measured
 * @param q total reactive power (kvar); empty when not measured
 * @param f frequency (Hz); empty when not measured
 * @param thd voltage THD (%), worst phase; empty when not measured
 */
public record GridSeries(long[] epochMillis, Duration sampleInterval, double nominalVoltage, double ratedKva,
    double[] ua, double[] ub, double[] uc, double[] ia, double[] ib, double[] ic, double[] p, double[] q, double[] f,
    double[] thd) {

  private static final double[] EMPTY = new double[0];

  /** Checks the components (see the class description for their meaning). */
  public GridSeries {
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    if (!(nominalVoltage > 0)) {
      throw new IllegalArgumentException("nominalVoltage must be positive");
    }
    epochMillis = epochMillis.clone();
    ua = checked("ua", ua, epochMillis.length);
    ub = checked("ub", ub, epochMillis.length);
    uc = checked("uc", uc, epochMillis.length);
    ia = checked("ia", ia, epochMillis.length);
    ib = checked("ib", ib, epochMillis.length);
    ic = checked("ic", ic, epochMillis.length);
    p = checked("p", p, epochMillis.length);
    q = checked("q", q, epochMillis.length);
    f = checked("f", f, epochMillis.length);
    thd = checked("thd", thd, epochMillis.length);
  }

  private static double[] checked(String name, double[] values, int n) {
    if (values == null) {
      return EMPTY;
    }
    if (values.length != 0 && values.length != n) {
      throw new IllegalArgumentException(name + " has " + values.length + " samples for " + n + " timestamps");
    }
    return values.clone();
  }

  /** The number of samples. */
  public int size() {
    return epochMillis.length;
  }

  /** Whether all three phases carry voltages. */
  public boolean threePhaseVoltage() {
    return ua.length > 0 && ub.length > 0 && uc.length > 0;
  }

  /** Whether all three phases carry currents. */
  public boolean threePhaseCurrent() {
    return ia.length > 0 && ib.length > 0 && ic.length > 0;
  }

  /** Sample times in epoch milliseconds (a copy). */
  @Override
  public long[] epochMillis() {
    return epochMillis.clone();
  }

  /** Phase A voltage in V (a copy; empty when not measured). */
  @Override
  public double[] ua() {
    return ua.clone();
  }

  /** Phase B voltage in V (a copy; empty when not measured). */
  @Override
  public double[] ub() {
    return ub.clone();
  }

  /** Phase C voltage in V (a copy; empty when not measured). */
  @Override
  public double[] uc() {
    return uc.clone();
  }

  /** Phase A current in A (a copy; empty when not measured). */
  @Override
  public double[] ia() {
    return ia.clone();
  }

  /** Phase B current in A (a copy; empty when not measured). */
  @Override
  public double[] ib() {
    return ib.clone();
  }

  /** Phase C current in A (a copy; empty when not measured). */
  @Override
  public double[] ic() {
    return ic.clone();
  }

  /** Total active power in kW (a copy; empty when not measured). */
  @Override
  public double[] p() {
    return p.clone();
  }

  /** Total reactive power in kvar (a copy; empty when not measured). */
  @Override
  public double[] q() {
    return q.clone();
  }

  /** Frequency in Hz (a copy; empty when not measured). */
  @Override
  public double[] f() {
    return f.clone();
  }

  /** Voltage total harmonic distortion in % (a copy; empty when not measured). */
  @Override
  public double[] thd() {
    return thd.clone();
  }

  /** A builder for a series sampled at {@code epochMillis} every {@code sampleInterval}, nominal phase voltage {@code nominalVoltage}. */
  public static Builder builder(long[] epochMillis, Duration sampleInterval, double nominalVoltage) {
    return new Builder(epochMillis, sampleInterval, nominalVoltage);
  }

  /** Builder; every measurement array is optional. */
  public static final class Builder {
    private final long[] epochMillis;
    private final Duration sampleInterval;
    private final double nominalVoltage;
    private double ratedKva = Double.NaN;
    private double[] ua = EMPTY;
    private double[] ub = EMPTY;
    private double[] uc = EMPTY;
    private double[] ia = EMPTY;
    private double[] ib = EMPTY;
    private double[] ic = EMPTY;
    private double[] p = EMPTY;
    private double[] q = EMPTY;
    private double[] f = EMPTY;
    private double[] thd = EMPTY;

    private Builder(long[] epochMillis, Duration sampleInterval, double nominalVoltage) {
      this.epochMillis = epochMillis;
      this.sampleInterval = sampleInterval;
      this.nominalVoltage = nominalVoltage;
    }

    /** Sets {@code ratedKva}: transformer rating Sn (kVA); NaN when unknown (no load rate then). */
    public Builder ratedKva(double ratedKva) {
      this.ratedKva = ratedKva;
      return this;
    }

    /** Sets {@code ua}: phase A voltage (V); empty when not measured. */
    public Builder ua(double[] ua) {
      this.ua = ua;
      return this;
    }

    /** Sets {@code ub}: phase B voltage (V); empty when not measured. */
    public Builder ub(double[] ub) {
      this.ub = ub;
      return this;
    }

    /** Sets {@code uc}: phase C voltage (V); empty when not measured. */
    public Builder uc(double[] uc) {
      this.uc = uc;
      return this;
    }

    /** Sets {@code ia}: phase A current (A); empty when not measured. */
    public Builder ia(double[] ia) {
      this.ia = ia;
      return this;
    }

    /** Sets {@code ib}: phase B current (A); empty when not measured. */
    public Builder ib(double[] ib) {
      this.ib = ib;
      return this;
    }

    /** Sets {@code ic}: phase C current (A); empty when not measured. */
    public Builder ic(double[] ic) {
      this.ic = ic;
      return this;
    }

    /** Sets {@code p}: total active power (kW); empty when not measured. */
    public Builder p(double[] p) {
      this.p = p;
      return this;
    }

    /** Sets {@code q}: total reactive power (kvar); empty when not measured. */
    public Builder q(double[] q) {
      this.q = q;
      return this;
    }

    /** Sets {@code f}: frequency (Hz); empty when not measured. */
    public Builder f(double[] f) {
      this.f = f;
      return this;
    }

    /** Sets {@code thd}: voltage THD (%), worst phase; empty when not measured. */
    public Builder thd(double[] thd) {
      this.thd = thd;
      return this;
    }

    public GridSeries build() {
      return new GridSeries(epochMillis, sampleInterval, nominalVoltage, ratedKva, ua, ub, uc, ia, ib, ic, p, q, f,
          thd);
    }
  }
}
