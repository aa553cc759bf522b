package io.emms.core.reading;

import java.util.Objects;

/**
 * A measurand at a phase and tariff: "forward active energy, total, tariff 2" or "voltage, phase B".
 *
 * @param measurand what is measured
 * @param phase where it is measured
 * @param tariff 0 for the total over all tariffs, 1..63 for a time-of-use tariff register
 */
public record Quantity(Measurand measurand, Phase phase, int tariff) {

  public Quantity {
    Objects.requireNonNull(measurand, "measurand");
    Objects.requireNonNull(phase, "phase");
    if (tariff < 0 || tariff > 63) {
      throw new IllegalArgumentException("tariff must be 0..63, got " + tariff);
    }
  }

  /** The total (all phases, all tariffs) of a measurand. */
  public static Quantity total(Measurand measurand) {
    return new Quantity(measurand, Phase.TOTAL, 0);
  }

  /** A per-phase quantity, such as the voltage of phase A. */
  public static Quantity of(Measurand measurand, Phase phase) {
    return new Quantity(measurand, phase, 0);
  }

  /** A tariff register of a meter-level energy or demand. */
  public static Quantity tariff(Measurand measurand, int tariff) {
    return new Quantity(measurand, Phase.TOTAL, tariff);
  }

  public Unit unit() {
    return measurand.unit();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(measurand.name());
    if (phase != Phase.TOTAL) {
      s.append('.').append(phase);
    }
    if (tariff != 0) {
      s.append(".T").append(tariff);
    }
    return s.toString();
  }
}
