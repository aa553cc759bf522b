package io.emms.core.link;

/** A link could not be opened, or a write failed because the link is closed or broken. */
public class LinkException extends RuntimeException {

  public LinkException(String message) {
    super(message);
  }

  public LinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
