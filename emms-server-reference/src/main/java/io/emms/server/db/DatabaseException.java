package io.emms.server.db;

/** The database could not be reached or refused a statement. */
public class DatabaseException extends RuntimeException {

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
