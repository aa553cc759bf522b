package io.emms.server.command;

/** An idempotency key was reused for a different command. */
public class CommandConflictException extends RuntimeException {

  public CommandConflictException(String message) {
    super(message);
  }
}
