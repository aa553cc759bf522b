package io.emms.analytics.grid;

/** The grid operating indices, with their display name and unit. */
public enum GridIndex {
  VOLTAGE_DEVIATION("voltage deviation", "%"),
  VOLTAGE_QUALIFICATION_RATE("voltage qualification rate", "%"),
  VOLTAGE_UNBALANCE("negative-sequence voltage unbalance", "%"),
  CURRENT_UNBALANCE("current unbalance", "%"),
  FREQUENCY_DEVIATION("frequency deviation", "Hz"),
  VOLTAGE_THD("voltage THD", "%"),
  POWER_FACTOR("power factor", ""),
  LOAD_RATE("load rate", "%"),
  LOAD_FACTOR("load factor", ""),
  PEAK_VALLEY_RATE("peak-valley rate", "%"),
  LINE_LOSS_RATE("line-loss rate", "%");

  private final String label;
  private final String unit;

  GridIndex(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  /** The display name, e.g. {@code voltage deviation}. */
  public String label() {
    return label;
  }

  /** The unit symbol of the index value; empty for ratios. */
  public String unit() {
    return unit;
  }
}
