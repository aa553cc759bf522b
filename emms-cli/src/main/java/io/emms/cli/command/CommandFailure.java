package io.emms.cli.command;

import io.emms.core.link.LinkException;
import io.emms.core.meter.MeterException;
import io.emms.modbus.client.ModbusClientException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a command that failed tells its user: one line and an {@link ExitCode}. A failed link is told by its
 * innermost {@link LinkException}, which names the link once.
 */
public final class CommandFailure {

  private final Throwable failure;

  public CommandFailure(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    this.failure = t;
  }

  /** The failure without the wrappers of asynchronous calls. */
  public Throwable failure() {
    return failure;
  }

  public int exitCode() {
    if (failure instanceof BadInputException || failure instanceof IllegalArgumentException) {
      return ExitCode.BAD_INPUT;
    }
    if (innermostLinkFailure() != null) {
      return ExitCode.LINK_FAILED;
    }
    if (failure instanceof MeterException || failure instanceof ModbusClientException) {
      return ExitCode.NOT_READ;
    }
    return ExitCode.INTERNAL_ERROR;
  }

  public String message() {
    LinkException link = failure instanceof BadInputException ? null : innermostLinkFailure();
    if (link != null) {
      return link.getMessage();
    }
    if (exitCode() == ExitCode.INTERNAL_ERROR) {
      return "internal error: " + failure + " (please report it with the trace that --verbose shows)";
    }
    return failure.getMessage();
  }

  /** Whether the link failed underneath, so that no further item can be read: the command ends with exit 3. */
  public static boolean causedByLink(Throwable failure) {
    return new CommandFailure(failure).innermostLinkFailure() != null;
  }

  private LinkException innermostLinkFailure() {
    LinkException innermost = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LinkException link) {
        innermost = link;
      }
    }
    return innermost;
  }
}
