package io.emms.analytics.consumption;

/** Why an interval's consumption is not a plain register difference, or why it is unknown. */
public enum ConsumptionFlag {
  /** The register wrapped past its maximum; the energy includes the wrap. */
  ROLLOVER,
  /** A reported meter replacement falls in the interval; the energy is stitched from both meters. */
  METER_REPLACED,
  /** A reported register reset falls in the interval; the energy is stitched across the reset. */
  REGISTER_RESET,
  /** The register went down with no rollover or event to explain it; the energy is unknown. */
  REGISTER_DECREASE,
  /** The interval is longer than the configured gap threshold: its energy is real but not an interval value. */
  LONG_GAP,
  /** A reading with the same timestamp and value as another was dropped. */
  DUPLICATE,
  /** Two readings shared a timestamp but disagreed; the first one received was kept. */
  CONFLICTING_DUPLICATE,
  /** Readings arrived out of time order and were sorted. */
  OUT_OF_ORDER
}
