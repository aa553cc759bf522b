package io.emms.core.meter;

/** Load-switch, alarm and keep-power commands a smart meter accepts. */
public enum RelayCommand {
  /** Open the load switch (disconnect the customer). */
  TRIP,
  /** Allow the customer to close the switch by hand. */
  CLOSE_ALLOWED,
  /** Close the switch at once. */
  CLOSE_DIRECT,
  ALARM,
  ALARM_RELEASE,
  /** Keep power on regardless of credit or other trip causes. */
  KEEP_POWER,
  KEEP_POWER_RELEASE
}
