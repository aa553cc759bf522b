package io.emms.core.reading;

/** Units of measured quantities, with the symbol a person reads on a meter display. */
public enum Unit {
  KILOWATT_HOUR("kWh"),
  KILOVAR_HOUR("kvarh"),
  KILOVOLT_AMPERE_HOUR("kVAh"),
  KILOWATT("kW"),
  KILOVAR("kvar"),
  KILOVOLT_AMPERE("kVA"),
  VOLT("V"),
  AMPERE("A"),
  HERTZ("Hz"),
  DEGREE_CELSIUS("°C"),
  PERCENT("%"),
  /** Dimensionless figures such as power factor or a count. */
  NONE("");

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
