package io.emms.server.command;

/** Where a meter command is in its lifecycle. */
public enum CommandState {
  REQUESTED(false),
  SENT(false),
  /** The meter accepted the command; its effect has not been read back yet. */
  ACKNOWLEDGED(false),
  /** The meter's relay status, read back, shows the command's effect. */
  VERIFIED(true),
  /** The meter refused, or the status read back disagrees. */
  FAILED(true),
  /** No acknowledgement or no status within the timeout (or the server restarted while waiting). */
  TIMED_OUT(true),
  /** The validity deadline passed before the command could be sent. */
  EXPIRED(true);

  private final boolean terminal;

  CommandState(boolean terminal) {
    this.terminal = terminal;
  }

  /** Whether the lifecycle has ended. */
  public boolean terminal() {
    return terminal;
  }
}
