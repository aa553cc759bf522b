package io.emms.dlt645.simulator;

import java.time.ZonedDateTime;

/**
 * The active power a simulated meter's customer draws over time, before noise: positive imports energy,
 * negative exports it (e.g. a rooftop PV surplus).
 */
@FunctionalInterface
public interface LoadProfile {

  /** The mean active power in kW at a local time of the meter. */
  double activePowerKw(ZonedDateTime time);

  /** The same power at every instant. */
  static LoadProfile constant(double kw) {
    return time -> kw;
  }

  /**
   * A household day: {@code baseKw} at night rising to {@code baseKw + peakKw} around 19:00, with a smaller
   * morning hump at 08:00.
   */
  static LoadProfile residential(double baseKw, double peakKw) {
    return time -> {
      double hour = time.getHour() + time.getMinute() / 60.0;
      double evening = Math.exp(-Math.pow((hour - 19.0) / 2.0, 2));
      double morning = 0.5 * Math.exp(-Math.pow((hour - 8.0) / 1.5, 2));
      return baseKw + peakKw * (evening + morning);
    };
  }
}
