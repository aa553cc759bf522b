package io.emms.dlt645.simulator;

import java.time.LocalTime;

/** Which time-of-use tariff register (1..4: sharp, peak, flat, valley) accumulates energy at a time of day. */
@FunctionalInterface
public interface TariffSchedule {

  /** The tariff, 1..{@value SimulatedMeterConfig#TARIFFS}, in force at a local time of the meter. */
  int tariffAt(LocalTime time);

  /** A single-rate meter: everything goes to tariff 1. */
  static TariffSchedule single() {
    return time -> 1;
  }

  /**
   * A common four-rate day: sharp 19–21, peak 08–11 and 17–19 and 21–22, valley 23–07, flat otherwise.
   */
  static TariffSchedule fourRate() {
    return time -> {
      int h = time.getHour();
      if (h >= 19 && h < 21) {
        return 1;
      }
      if ((h >= 8 && h < 11) || (h >= 17 && h < 19) || h == 21) {
        return 2;
      }
      if (h >= 23 || h < 7) {
        return 4;
      }
      return 3;
    };
  }
}
