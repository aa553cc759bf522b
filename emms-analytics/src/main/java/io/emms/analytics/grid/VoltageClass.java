package io.emms.analytics.grid;

/** Supply-voltage classes of GB/T 12325-2008 with their default deviation limits. */
public enum VoltageClass {
  /**
   * 35 kV and above: the sum of the absolute positive and negative deviations must not exceed 10 %; the default
   * band splits it evenly (+5 % / −5 %) — configure the split the network operator uses.
   */
  KV35_AND_ABOVE(5, -5),
  /** 20 kV and below, three-phase: ±7 %. */
  KV20_AND_BELOW_THREE_PHASE(7, -7),
  /** 220 V single-phase: +7 % / −10 %. */
  V220_SINGLE_PHASE(7, -10);

  private final double upperPercent;
  private final double lowerPercent;

  VoltageClass(double upperPercent, double lowerPercent) {
    this.upperPercent = upperPercent;
    this.lowerPercent = lowerPercent;
  }

  public double upperPercent() {
    return upperPercent;
  }

  public double lowerPercent() {
    return lowerPercent;
  }

  /** The class of a nominal phase or line voltage in volts (single-phase when below 1 kV and about 220 V). */
  public static VoltageClass forNominal(double volts, boolean threePhase) {
    if (volts >= 35_000) {
      return KV35_AND_ABOVE;
    }
    return threePhase || volts >= 1000 ? KV20_AND_BELOW_THREE_PHASE : V220_SINGLE_PHASE;
  }

  /** GB/T 14549 THD limit of the voltage level: 0.38 kV 5 %, 6–10 kV 4 %, 35–66 kV 3 %, 110 kV 2 %. */
  public static double thdLimitPercent(double nominalVolts) {
    if (nominalVolts >= 110_000) {
      return 2;
    }
    if (nominalVolts >= 35_000) {
      return 3;
    }
    if (nominalVolts >= 6_000) {
      return 4;
    }
    return 5;
  }
}
