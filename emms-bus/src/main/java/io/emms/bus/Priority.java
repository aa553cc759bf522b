package io.emms.bus;

/** Which queued transaction a half-duplex line sends first: commands before on-demand reads before polls. */
public enum Priority {
  /** Relay switching, clock setting, writes: an operator is waiting for them. */
  COMMAND,
  /** A read someone asked for now. */
  ON_DEMAND,
  /** A periodic poll, which may wait for the others. */
  POLL
}
