package io.emms.analytics.vee;

import io.emms.analytics.consumption.RegisterSpec;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of every validation rule and of estimation. Defaults follow common utility practice (Oracle/Itron
 * MDM, California VEE) for a 220 V single-phase 60 A residential meter; change them per meter class.
 *
 * @param rules rules that run
 * @param zone zone that defines days and day types
 * @param spikeRatio SPIKE: highest interval of a day vs its third highest
 * @param spikeFloorKwh SPIKE: the third highest is taken as at least this, so near-zero days do not fire
 * @param historyDays HIGH/LOW: how many preceding complete days (none with a negative interval) form the history
 * @param minHistoryDays HIGH/LOW: fewer complete history days than this and the rule stays silent
 * @param highFactor HIGH_VS_HISTORY: day total above this multiple of the history median fires
 * @param lowFactor LOW_VS_HISTORY: day total below this multiple of the history median fires
 * @param zeroRunIntervals ZERO_WHILE_ACTIVE: this many consecutive zero intervals fire
 * @param meterActive ZERO_WHILE_ACTIVE: whether the meter is supposed to supply a live customer
 * @param stuckRunIntervals STUCK_VALUE: this many consecutive identical non-zero intervals fire
 * @param ratedCurrentA METER_FAST: rated maximum current Imax
 * @param nominalVoltageV METER_FAST: nominal phase voltage
 * @param phases METER_FAST: number of phases
 * @param fastTolerance METER_FAST: margin above phases × U × Imax × hours
 * @param register REGISTER_DECREASING: a drop of more than 90 % of the modulus is a rollover
 * @param registerResolutionKwh STOPPED_METER: the register's last digit
 * @param stoppedMinPowerKw STOPPED_METER: average power above which the register must move
 * @param sumToleranceKwh SUM_CHECK: absolute tolerance
 * @param sumToleranceFraction SUM_CHECK: relative tolerance on the register advance
 * @param clockTolerance CLOCK_ERROR: allowed offset from the interval grid
 * @param notAfter CLOCK_ERROR: timestamps after this instant are in the future; null disables
 * @param maxInterpolationGap estimation: gaps up to this long are interpolated linearly
 * @param likeDays estimation: how many days of the same day type are averaged for longer gaps
 * @param estimateOver estimation: findings of these rules are replaced by estimates too
 */
public record VeeConfig(
    Set<VeeRule> rules,
    ZoneId zone,
    double spikeRatio,
    double spikeFloorKwh,
    int historyDays,
    int minHistoryDays,
    double highFactor,
    double lowFactor,
    int zeroRunIntervals,
    boolean meterActive,
    int stuckRunIntervals,
    double ratedCurrentA,
    double nominalVoltageV,
    int phases,
    double fastTolerance,
    RegisterSpec register,
    double registerResolutionKwh,
    double stoppedMinPowerKw,
    double sumToleranceKwh,
    double sumToleranceFraction,
    Duration clockTolerance,
    Instant notAfter,
    Duration maxInterpolationGap,
    int likeDays,
    Set<VeeRule> estimateOver) implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public VeeConfig {
    rules = Set.copyOf(rules);
    estimateOver = Set.copyOf(estimateOver);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(clockTolerance, "clockTolerance");
    Objects.requireNonNull(maxInterpolationGap, "maxInterpolationGap");
    if (spikeRatio <= 1 || highFactor <= 1 || lowFactor < 0 || lowFactor >= 1) {
      throw new IllegalArgumentException("need spikeRatio > 1, highFactor > 1 and 0 <= lowFactor < 1");
    }
    if (historyDays < 1 || minHistoryDays < 1 || minHistoryDays > historyDays || zeroRunIntervals < 1
        || stuckRunIntervals < 2
        || phases < 1 || likeDays < 1) {
      throw new IllegalArgumentException("day and interval counts must be positive, minHistoryDays <= historyDays");
    }
  }

  /** Whether a rule runs. */
  public boolean enabled(VeeRule rule) {
    return rules.contains(rule);
  }

  public static VeeConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from the documented defaults. */
  public static final class Builder {
    private Set<VeeRule> rules = EnumSet.allOf(VeeRule.class);
    private ZoneId zone = ZoneOffset.UTC;
    private double spikeRatio = 3.0;
    private double spikeFloorKwh = 0.05;
    private int historyDays = 28;
    private int minHistoryDays = 7;
    private double highFactor = 2.0;
    private double lowFactor = 0.4;
    private int zeroRunIntervals = 8;
    private boolean meterActive = true;
    private int stuckRunIntervals = 8;
    private double ratedCurrentA = 60.0;
    private double nominalVoltageV = 220.0;
    private int phases = 1;
    private double fastTolerance = 0.1;
    private RegisterSpec register = RegisterSpec.SIX_PLUS_TWO;
    private double registerResolutionKwh = 0.01;
    private double stoppedMinPowerKw = 0.1;
    private double sumToleranceKwh = 0.02;
    private double sumToleranceFraction = 0.01;
    private Duration clockTolerance = Duration.ofMinutes(1);
    private Instant notAfter = null;
    private Duration maxInterpolationGap = Duration.ofHours(2);
    private int likeDays = 4;
    private Set<VeeRule> estimateOver = EnumSet.of(VeeRule.NEGATIVE, VeeRule.METER_FAST, VeeRule.SPIKE);

    private Builder() {}

    /** Sets {@code rules}: rules that run. */
    public Builder rules(Set<VeeRule> rules) {
      this.rules = rules;
      return this;
    }

    /** Sets {@code zone}: zone that defines days and day types. */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** Sets {@code spikeRatio}: SPIKE: highest interval of a day vs its third highest. */
    public Builder spikeRatio(double spikeRatio) {
      this.spikeRatio = spikeRatio;
      return this;
    }

    /**
     * Sets {@code spikeFloorKwh}: SPIKE: the third highest is taken as at least this, so near-zero days do not fire.
     */
    public Builder spikeFloorKwh(double spikeFloorKwh) {
      this.spikeFloorKwh = spikeFloorKwh;
      return this;
    }

    /**
     * Sets {@code historyDays}: HIGH/LOW: how many preceding complete days (none with a negative interval) form the
     * history.
     */
    public Builder historyDays(int historyDays) {
      this.historyDays = historyDays;
      return this;
    }

    /** Sets {@code minHistoryDays}: HIGH/LOW: fewer complete history days than this and the rule stays silent. */
    public Builder minHistoryDays(int minHistoryDays) {
      this.minHistoryDays = minHistoryDays;
      return this;
    }

    /** Sets {@code highFactor}: HIGH_VS_HISTORY: day total above this multiple of the history median fires. */
    public Builder highFactor(double highFactor) {
      this.highFactor = highFactor;
      return this;
    }

    /** Sets {@code lowFactor}: LOW_VS_HISTORY: day total below this multiple of the history median fires. */
    public Builder lowFactor(double lowFactor) {
      this.lowFactor = lowFactor;
      return this;
    }

    /** Sets {@code zeroRunIntervals}: ZERO_WHILE_ACTIVE: this many consecutive zero intervals fire. */
    public Builder zeroRunIntervals(int zeroRunIntervals) {
      this.zeroRunIntervals = zeroRunIntervals;
      return this;
    }

    /** Sets {@code meterActive}: ZERO_WHILE_ACTIVE: whether the meter is supposed to supply a live customer. */
    public Builder meterActive(boolean meterActive) {
      this.meterActive = meterActive;
      return this;
    }

    /** Sets {@code stuckRunIntervals}: STUCK_VALUE: this many consecutive identical non-zero intervals fire. */
    public Builder stuckRunIntervals(int stuckRunIntervals) {
      this.stuckRunIntervals = stuckRunIntervals;
      return this;
    }

    /** Sets {@code ratedCurrentA}: METER_FAST: rated maximum current Imax. */
    public Builder ratedCurrentA(double ratedCurrentA) {
      this.ratedCurrentA = ratedCurrentA;
      return this;
    }

    /** Sets {@code nominalVoltageV}: METER_FAST: nominal phase voltage. */
    public Builder nominalVoltageV(double nominalVoltageV) {
      this.nominalVoltageV = nominalVoltageV;
      return this;
    }

    /** Sets {@code phases}: METER_FAST: number of phases. */
    public Builder phases(int phases) {
      this.phases = phases;
      return this;
    }

    /** Sets {@code fastTolerance}: METER_FAST: margin above phases × U × Imax × hours. */
    public Builder fastTolerance(double fastTolerance) {
      this.fastTolerance = fastTolerance;
      return this;
    }

    /** Sets {@code register}: REGISTER_DECREASING: a drop of more than 90 % of the modulus is a rollover. */
    public Builder register(RegisterSpec register) {
      this.register = register;
      return this;
    }

    /** Sets {@code registerResolutionKwh}: STOPPED_METER: the register's last digit. */
    public Builder registerResolutionKwh(double registerResolutionKwh) {
      this.registerResolutionKwh = registerResolutionKwh;
      return this;
    }

    /** Sets {@code stoppedMinPowerKw}: STOPPED_METER: average power above which the register must move. */
    public Builder stoppedMinPowerKw(double stoppedMinPowerKw) {
      this.stoppedMinPowerKw = stoppedMinPowerKw;
      return this;
    }

    /** Sets {@code sumToleranceKwh}: SUM_CHECK: absolute tolerance. */
    public Builder sumToleranceKwh(double sumToleranceKwh) {
      this.sumToleranceKwh = sumToleranceKwh;
      return this;
    }

    /** Sets {@code sumToleranceFraction}: SUM_CHECK: relative tolerance on the register advance. */
    public Builder sumToleranceFraction(double sumToleranceFraction) {
      this.sumToleranceFraction = sumToleranceFraction;
      return this;
    }

    /** Sets {@code clockTolerance}: CLOCK_ERROR: allowed offset from the interval grid. */
    public Builder clockTolerance(Duration clockTolerance) {
      this.clockTolerance = clockTolerance;
      return this;
    }

    /** Sets {@code notAfter}: CLOCK_ERROR: timestamps after this instant are in the future; null disables. */
    public Builder notAfter(Instant notAfter) {
      this.notAfter = notAfter;
      return this;
    }

    /** Sets {@code maxInterpolationGap}: estimation: gaps up to this long are interpolated linearly. */
    public Builder maxInterpolationGap(Duration maxInterpolationGap) {
      this.maxInterpolationGap = maxInterpolationGap;
      return this;
    }

    /** Sets {@code likeDays}: estimation: how many days of the same day type are averaged for longer gaps. */
    public Builder likeDays(int likeDays) {
      this.likeDays = likeDays;
      return this;
    }

    /** Sets {@code estimateOver}: estimation: findings of these rules are replaced by estimates too. */
    public Builder estimateOver(Set<VeeRule> estimateOver) {
      this.estimateOver = estimateOver;
      return this;
    }

    public VeeConfig build() {
      return new VeeConfig(rules, zone, spikeRatio, spikeFloorKwh, historyDays, minHistoryDays, highFactor, lowFactor,
          zeroRunIntervals, meterActive, stuckRunIntervals, ratedCurrentA, nominalVoltageV, phases, fastTolerance,
          register, registerResolutionKwh, stoppedMinPowerKw, sumToleranceKwh, sumToleranceFraction, clockTolerance,
          notAfter, maxInterpolationGap, likeDays, estimateOver);
    }
  }
}
