package io.emms.analytics.grid;

/**
 * Limits of the grid indices. Defaults are the standard values in the notes; items the notes mark "verify"
 * (Dyn11 current unbalance, load-rate bands, the line-loss and qualification targets) are policy choices to be
 * configured per operator.
 *
 * @param voltageUpperPercent upper voltage deviation limit (GB/T 12325)
 * @param voltageLowerPercent lower voltage deviation limit, negative
 * @param qualificationTargetPercent voltage qualification rate below which advice is given (policy)
 * @param unbalancePercent negative-sequence unbalance, normal limit on the 95 % value (GB/T 15543: 2 %)
 * @param unbalanceShortTimePercent short-time limit on the maximum (GB/T 15543: 4 %)
 * @param currentUnbalancePercent (Imax − Imin)/Imax limit (15 % common; 25 % for Dyn11, verify)
 * @param frequencyHz |Δf| limit (GB/T 15945: 0.2 Hz; small systems 0.5 Hz)
 * @param thdPercent voltage THD limit of the voltage level (GB/T 14549: 5 % at 0.38 kV)
 * @param powerFactorMin assessment power factor (0.90 / 0.85 / 0.80 by customer class)
 * @param loadRateHeavyPercent load rate above which a transformer is heavily loaded (80 %, verify)
 * @param loadRateOverloadPercent load rate above which it is overloaded (100 %)
 * @param lineLossPercent line-loss rate above which losses are abnormal (policy, 10 % by default)
 */
public record IndexLimits(double voltageUpperPercent, double voltageLowerPercent, double qualificationTargetPercent,
    double unbalancePercent, double unbalanceShortTimePercent, double currentUnbalancePercent, double frequencyHz,
    double thdPercent, double powerFactorMin, double loadRateHeavyPercent, double loadRateOverloadPercent,
    double lineLossPercent) {

  /** Checks the components (see the class description for their meaning). */
  public IndexLimits {
    if (!(voltageLowerPercent < 0 && voltageUpperPercent > 0)) {
      throw new IllegalArgumentException("voltage limits must straddle 0");
    }
    if (!(unbalancePercent <= unbalanceShortTimePercent) || !(loadRateHeavyPercent <= loadRateOverloadPercent)
        || !(powerFactorMin > 0 && powerFactorMin <= 1)) {
      throw new IllegalArgumentException("inconsistent limits");
    }
  }

  /** Standard limits for a 220 V single-phase / 380 V low-voltage supply. */
  public static IndexLimits defaults() {
    return builder().build();
  }

  /** Standard limits for a voltage class and nominal voltage (deviation band and THD level). */
  public static IndexLimits forNominal(double nominalVolts, boolean threePhase) {
    VoltageClass c = VoltageClass.forNominal(nominalVolts, threePhase);
    return builder().voltageBand(c.upperPercent(), c.lowerPercent())
        .thdPercent(VoltageClass.thdLimitPercent(nominalVolts)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from the 220 V single-phase defaults. */
  public static final class Builder {
    private double voltageUpperPercent = 7;
    private double voltageLowerPercent = -10;
    private double qualificationTargetPercent = 99;
    private double unbalancePercent = 2;
    private double unbalanceShortTimePercent = 4;
    private double currentUnbalancePercent = 15;
    private double frequencyHz = 0.2;
    private double thdPercent = 5;
    private double powerFactorMin = 0.9;
    private double loadRateHeavyPercent = 80;
    private double loadRateOverloadPercent = 100;
    private double lineLossPercent = 10;

    private Builder() {}

    public Builder voltageBand(double upperPercent, double lowerPercent) {
      this.voltageUpperPercent = upperPercent;
      this.voltageLowerPercent = lowerPercent;
      return this;
    }

    /** Sets {@code qualificationTargetPercent}: voltage qualification rate below which advice is given (policy). */
    public Builder qualificationTargetPercent(double v) {
      this.qualificationTargetPercent = v;
      return this;
    }

    public Builder unbalance(double normalPercent, double shortTimePercent) {
      this.unbalancePercent = normalPercent;
      this.unbalanceShortTimePercent = shortTimePercent;
      return this;
    }

    /** Sets {@code currentUnbalancePercent}: (Imax − Imin)/Imax limit (15 % common; 25 % for Dyn11, verify). */
    public Builder currentUnbalancePercent(double v) {
      this.currentUnbalancePercent = v;
      return this;
    }

    /** Sets {@code frequencyHz}: |Δf| limit (GB/T 15945: 0.2 Hz; small systems 0.5 Hz). */
    public Builder frequencyHz(double v) {
      this.frequencyHz = v;
      return this;
    }

    /** Sets {@code thdPercent}: voltage THD limit of the voltage level (GB/T 14549: 5 % at 0.38 kV). */
    public Builder thdPercent(double v) {
      this.thdPercent = v;
      return this;
    }

    /** Sets {@code powerFactorMin}: assessment power factor (0.90 / 0.85 / 0.80 by customer class). */
    public Builder powerFactorMin(double v) {
      this.powerFactorMin = v;
      return this;
    }

    public Builder loadRate(double heavyPercent, double overloadPercent) {
      this.loadRateHeavyPercent = heavyPercent;
      this.loadRateOverloadPercent = overloadPercent;
      return this;
    }

    /** Sets {@code lineLossPercent}: line-loss rate above which losses are abnormal (policy, 10 % by default). */
    public Builder lineLossPercent(double v) {
      this.lineLossPercent = v;
      return this;
    }

    public IndexLimits build() {
      return new IndexLimits(voltageUpperPercent, voltageLowerPercent, qualificationTargetPercent, unbalancePercent,
          unbalanceShortTimePercent, currentUnbalancePercent, frequencyHz, thdPercent, powerFactorMin,
          loadRateHeavyPercent, loadRateOverloadPercent, lineLossPercent);
    }
  }
}
