package io.emms.analytics.vee;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Interval data of one meter as parallel arrays. Timestamps mark interval <em>starts</em>. The record copies
 * its arrays in and out, so it stays immutable.
 *
 * @param meterId the meter
 * @param interval the nominal interval length (e.g. 15 minutes)
 * @param startMillis interval starts, epoch milliseconds, normally increasing
 * @param energy energy consumed in each interval (kWh), NaN when missing
 * @param register cumulative register at each interval end (kWh), NaN when not read; empty when not available
 * @param power average active power over each interval (kW), NaN when not read; empty when not available
 */
public record IntervalData(String meterId, Duration interval, long[] startMillis, double[] energy,
    double[] register, double[] power) {

  /** Checks the components (see the class description for their meaning). */
  public IntervalData {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    startMillis = startMillis.clone();
    energy = energy.clone();
    register = register == null ? new double[0] : register.clone();
    power = power == null ? new double[0] : power.clone();
    if (energy.length != startMillis.length) {
      throw new IllegalArgumentException("energy has " + energy.length + " values for " + startMillis.length
          + " timestamps");
    }
    checkOptional("register", register, startMillis.length);
    checkOptional("power", power, startMillis.length);
  }

  /** Interval energies only. */
  public static IntervalData of(String meterId, Duration interval, long[] startMillis, double[] energy) {
    return new IntervalData(meterId, interval, startMillis, energy, null, null);
  }

  private static void checkOptional(String name, double[] values, int n) {
    if (values.length != 0 && values.length != n) {
      throw new IllegalArgumentException(name + " has " + values.length + " values for " + n + " timestamps");
    }
  }

  public int size() {
    return startMillis.length;
  }

  public boolean hasRegister() {
    return register.length != 0;
  }

  public boolean hasPower() {
    return power.length != 0;
  }

  @Override
  public long[] startMillis() {
    return startMillis.clone();
  }

  @Override
  public double[] energy() {
    return energy.clone();
  }

  @Override
  public double[] register() {
    return register.clone();
  }

  @Override
  public double[] power() {
    return power.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalData d && meterId.equals(d.meterId) && interval.equals(d.interval)
        && Arrays.equals(startMillis, d.startMillis) && Arrays.equals(energy, d.energy)
        && Arrays.equals(register, d.register) && Arrays.equals(power, d.power);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meterId, interval, Arrays.hashCode(startMillis), Arrays.hashCode(energy));
  }

  @Override
  public String toString() {
    return "IntervalData[" + meterId + ", " + size() + " × " + interval + "]";
  }
}
