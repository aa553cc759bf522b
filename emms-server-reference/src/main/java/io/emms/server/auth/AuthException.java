package io.emms.server.auth;

/** A sign-in or an access was refused; carries the HTTP status the API answers with. */
public class AuthException extends RuntimeException {

  private final int status;

  public AuthException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 401 not signed in or bad credentials, 403 not allowed, 423 locked, 429 too many attempts. */
  public int status() {
    return status;
  }
}
