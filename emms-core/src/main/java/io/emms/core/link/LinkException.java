package io.emms.core.link;

import io.emms.core.meter.MeterException;

/**
 * A link could not be opened, or a write failed because the link is closed or broken. As a {@link MeterException}
 * it is one of the ways a request to a meter fails; {@link #meterId()} is {@code null} when the failure concerns the
 * link rather than one meter's request.
 */
public class LinkException extends MeterException {

  public LinkException(String message) {
    super(null, message);
  }

  public LinkException(String message, Throwable cause) {
    super(null, message, cause);
  }

  /** A request to {@code meterId} failed because of the link. */
  public LinkException(String meterId, String message, Throwable cause) {
    super(meterId, message, cause);
  }
}
