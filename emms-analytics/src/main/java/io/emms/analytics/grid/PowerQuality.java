package io.emms.analytics.grid;

/**
 * The index formulas, one value at a time. Percentages are returned in percent (2.0 means 2 %).
 */
public final class PowerQuality {

  private static final double COS120 = -0.5;
  private static final double SIN120 = Math.sqrt(3) / 2;

  private PowerQuality() {}

  /** GB/T 12325: δU = (U − Un) / Un × 100 %. */
  public static double voltageDeviationPercent(double u, double nominal) {
    return (u - nominal) / nominal * 100;
  }

  /**
   * GB/T 15543 negative-sequence unbalance from phasors: ε = |U2| / |U1| × 100 % with U1 = (Ua + a·Ub + a²·Uc)/3,
   * U2 = (Ua + a²·Ub + a·Uc)/3, a = e^{j120°}. Works for phase or line voltages (and currents) alike.
   */
  public static double negativeSequenceUnbalancePercent(Phasor a, Phasor b, Phasor c) {
    // a·Ub rotates Ub by +120°, a²·Ub by −120° (= +240°)
    double p1re = a.re() + rotRe(b, SIN120) + rotRe(c, -SIN120);
    double p1im = a.im() + rotIm(b, SIN120) + rotIm(c, -SIN120);
    double p2re = a.re() + rotRe(b, -SIN120) + rotRe(c, SIN120);
    double p2im = a.im() + rotIm(b, -SIN120) + rotIm(c, SIN120);
    return Math.hypot(p2re, p2im) / Math.hypot(p1re, p1im) * 100;
  }

  private static double rotRe(Phasor p, double sin) {
    return p.re() * COS120 - p.im() * sin;
  }

  private static double rotIm(Phasor p, double sin) {
    return p.re() * sin + p.im() * COS120;
  }

  /**
   * GB/T 15543 unbalance from the three line-voltage magnitudes alone (zero sequence cannot appear in line
   * voltages): ε = √((1 − √(3 − 6L)) / (1 + √(3 − 6L))) × 100 %, L = (Uab⁴ + Ubc⁴ + Uca⁴) / (Uab² + Ubc² + Uca²)².
   *
   * @return the unbalance, NaN if the magnitudes cannot form a triangle
   */
  public static double negativeSequenceUnbalanceFromLineMagnitudesPercent(double uab, double ubc, double uca) {
    double s2 = uab * uab + ubc * ubc + uca * uca;
    double l = (Math.pow(uab, 4) + Math.pow(ubc, 4) + Math.pow(uca, 4)) / (s2 * s2);
    double root = 3 - 6 * l;
    if (root < 0) {
      return Double.NaN;
    }
    double r = Math.sqrt(root);
    return Math.sqrt((1 - r) / (1 + r)) * 100;
  }

  /**
   * Unbalance of phase-voltage magnitudes when angles are not measured, assuming the ideal 120° displacement:
   * with that assumption U1 = (Ua + Ub + Uc)/3 and U2 = (Ua + a·Ub + a²·Uc)/3.
   */
  public static double unbalanceFromPhaseMagnitudesPercent(double ua, double ub, double uc) {
    return negativeSequenceUnbalancePercent(Phasor.of(ua, 0), Phasor.of(ub, -120), Phasor.of(uc, 120));
  }

  /** Distribution practice: (Imax − Imin) / Imax × 100 %; 0 when no current flows. */
  public static double currentUnbalancePercent(double ia, double ib, double ic) {
    double max = Math.max(ia, Math.max(ib, ic));
    double min = Math.min(ia, Math.min(ib, ic));
    return max > 0 ? (max - min) / max * 100 : 0;
  }

  /** GB/T 15945: Δf = f − fn. */
  public static double frequencyDeviationHz(double f, double nominal) {
    return f - nominal;
  }

  /** GB/T 14549: THDu = √(Σ_{h≥2} Uh²) / U1 × 100 %. */
  public static double thdPercent(double fundamental, double... harmonics) {
    double sum = 0;
    for (double h : harmonics) {
      sum += h * h;
    }
    return Math.sqrt(sum) / fundamental * 100;
  }

  /** Monthly (tariff) power factor: cos φ = Ep / √(Ep² + Eq²). */
  public static double powerFactor(double kwh, double kvarh) {
    double s = Math.hypot(kwh, kvarh);
    return s > 0 ? kwh / s : Double.NaN;
  }

  /** Load rate β = √(P² + Q²) / Sn × 100 %. */
  public static double loadRatePercent(double p, double q, double ratedApparent) {
    return Math.hypot(p, q) / ratedApparent * 100;
  }

  /** Load factor Pavg / Pmax (missing values skipped). */
  public static double loadFactor(double[] power) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double p : power) {
      if (Double.isNaN(p)) {
        continue;
      }
      sum += p;
      max = Math.max(max, p);
      n++;
    }
    return n == 0 || max <= 0 ? Double.NaN : sum / n / max;
  }

  /** Peak–valley rate (Pmax − Pmin) / Pmax × 100 % (missing values skipped). */
  public static double peakValleyRatePercent(double[] power) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double p : power) {
      if (Double.isNaN(p)) {
        continue;
      }
      max = Math.max(max, p);
      min = Math.min(min, p);
    }
    return max > 0 ? (max - min) / max * 100 : Double.NaN;
  }

  /** Line-loss rate (E supplied − Σ E billed) / E supplied × 100 %. */
  public static double lineLossRatePercent(double supplied, double billed) {
    return (supplied - billed) / supplied * 100;
  }

  /** Capacitive compensation Qc = P (tan φ1 − tan φ2) that lifts the power factor from pf1 to pf2 at power P. */
  public static double compensationKvar(double p, double pfFrom, double pfTo) {
    return p * (Math.tan(Math.acos(pfFrom)) - Math.tan(Math.acos(pfTo)));
  }
}
