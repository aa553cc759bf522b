package io.emms.core.reading;

/** Where in a polyphase system a quantity is measured. */
public enum Phase {
  /** The sum or the meter-level figure (e.g. total active power, total energy). */
  TOTAL,
  A,
  B,
  C,
  /** Neutral conductor. */
  N,
  /** Line-to-line quantities. */
  AB,
  BC,
  CA
}
