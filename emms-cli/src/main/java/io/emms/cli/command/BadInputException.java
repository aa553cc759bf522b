package io.emms.cli.command;

/** Input that a command cannot use; reported on stderr with exit code {@value ExitCode#BAD_INPUT}. */
public class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
