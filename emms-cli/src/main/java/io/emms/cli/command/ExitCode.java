package io.emms.cli.command;

/**
 * The exit codes of every {@code emms} command; the README's table lists the same rule.
 *
 * <p>The rule: 0 when everything asked was done; 1 when the meter answered with a refusal or did not answer an
 * item (the JSON says which and why); 2 when the input is wrong (an option, a frame, a CSV file); 3 when the link
 * fails (cannot connect or listen, connection lost); 70 for a fault in emms itself.
 */
public final class ExitCode {

  /** Everything asked was done. */
  public static final int OK = 0;
  /** The meter refused an item or did not answer it; the output says which. */
  public static final int NOT_READ = 1;
  /** Input the command cannot use: a bad option value, a frame that is not valid, a bad CSV line. */
  public static final int BAD_INPUT = 2;
  /** The link failed: the peer cannot be reached, a port cannot be opened or listened on, the connection dropped. */
  public static final int LINK_FAILED = 3;
  /** A fault in emms itself (a bug): please report it with the {@code --verbose} trace. */
  public static final int INTERNAL_ERROR = 70;

  private ExitCode() {}
}
