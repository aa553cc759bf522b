package io.emms.analytics.grid;

/** How urgently an index out of limits needs action. */
public enum Severity {
  /** Beyond the normal limit: plan corrective work. */
  WARNING,
  /** Far beyond it (short-time limit, overload, twice the limit): act now. */
  CRITICAL
}
