package io.emms.server.db;

/** A row with the same unique key exists already. */
public class DuplicateKeyException extends DatabaseException {

  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
