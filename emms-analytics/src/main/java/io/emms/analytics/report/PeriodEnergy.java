package io.emms.analytics.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Energy of one day or month.
 *
 * @param start first day of the period
 * @param byTariff energy (kWh) per tariff number of the schedule, every tariff present (0 when none)
 * @param total energy over all tariffs (kWh)
 * @param maxDemand the highest demand in the period
 * @param loadFactor mean power over the measured intervals divided by the maximum demand
 * @param missingIntervals intervals of the period without a value (not counted in any figure)
 */
public record PeriodEnergy(LocalDate start, Map<Integer, Double> byTariff, double total, MaxDemand maxDemand,
    double loadFactor, int missingIntervals) {

  /** Checks the components (see the class description for their meaning). */
  public PeriodEnergy {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(maxDemand, "maxDemand");
    byTariff = Map.copyOf(byTariff);
  }

  /** Energy of one tariff (0 if the tariff had none). */
  public double tariff(int tariff) {
    return byTariff.getOrDefault(tariff, 0.0);
  }
}
