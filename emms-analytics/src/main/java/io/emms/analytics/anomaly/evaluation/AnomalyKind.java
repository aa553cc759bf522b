package io.emms.analytics.anomaly.evaluation;

/** The kinds of anomaly the harness injects into interval-energy series. */
public enum AnomalyKind {
  /** One interval far above normal. */
  SPIKE,
  /** The value freezes at its last reading for four hours. */
  STUCK,
  /** Zero consumption for four hours. */
  ZERO_RUN,
  /** A meter drifting fast: a growing multiplicative error reaching +60 % over two days. */
  DRIFT,
  /** A register rollover taken as a plain difference: one interval near −1 000 000 kWh (6+2-digit register). */
  ROLLOVER,
  /** Three hours of missing values. */
  GAP,
  /** Consumption falling to 30 % for three days, as under a bypass. */
  THEFT_DROP
}
