package io.emms.core.reading;

/**
 * What a meter measures, independent of protocol. Energies are cumulative registers; the rest are instantaneous
 * or maximum-demand values.
 */
public enum Measurand {
  ACTIVE_ENERGY_IMPORT(Unit.KILOWATT_HOUR, true),
  ACTIVE_ENERGY_EXPORT(Unit.KILOWATT_HOUR, true),
  /** Import minus export (or as the meter's combination word configures it); may be negative. */
  ACTIVE_ENERGY_COMBINED(Unit.KILOWATT_HOUR, true),
  REACTIVE_ENERGY_IMPORT(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_EXPORT(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_COMBINED_1(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_COMBINED_2(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_Q1(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_Q2(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_Q3(Unit.KILOVAR_HOUR, true),
  REACTIVE_ENERGY_Q4(Unit.KILOVAR_HOUR, true),
  APPARENT_ENERGY_IMPORT(Unit.KILOVOLT_AMPERE_HOUR, true),
  APPARENT_ENERGY_EXPORT(Unit.KILOVOLT_AMPERE_HOUR, true),
  VOLTAGE(Unit.VOLT, false),
  CURRENT(Unit.AMPERE, false),
  ACTIVE_POWER(Unit.KILOWATT, false),
  REACTIVE_POWER(Unit.KILOVAR, false),
  APPARENT_POWER(Unit.KILOVOLT_AMPERE, false),
  POWER_FACTOR(Unit.NONE, false),
  FREQUENCY(Unit.HERTZ, false),
  ACTIVE_DEMAND_IMPORT(Unit.KILOWATT, false),
  ACTIVE_DEMAND_EXPORT(Unit.KILOWATT, false),
  TEMPERATURE(Unit.DEGREE_CELSIUS, false),
  VOLTAGE_THD(Unit.PERCENT, false),
  CURRENT_THD(Unit.PERCENT, false);

  private final Unit unit;
  private final boolean cumulative;

  Measurand(Unit unit, boolean cumulative) {
    this.unit = unit;
    this.cumulative = cumulative;
  }

  /** The unit values of this measurand are expressed in. */
  public Unit unit() {
    return unit;
  }

  /** True for registers that only grow (energies), which analytics turn into interval consumption. */
  public boolean cumulative() {
    return cumulative;
  }
}
