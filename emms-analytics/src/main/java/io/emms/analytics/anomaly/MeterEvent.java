package io.emms.analytics.anomaly;

/**
 * Meter event-log entries that point at tampering or bypass, as DL/T 645 and DLMS meters record them. Thresholds
 * that raise them live in the meter (typically loss of voltage below 78 % Un with current flowing, phase break
 * below 60 % Un, current unbalance above 30 %).
 */
public enum MeterEvent {
  LOSS_OF_VOLTAGE,
  PHASE_BREAK,
  LOSS_OF_CURRENT,
  CURRENT_UNBALANCE,
  REVERSE_POWER,
  COVER_OPEN,
  TERMINAL_COVER_OPEN,
  MAGNETIC_INTERFERENCE,
  CLOCK_CHANGE
}
