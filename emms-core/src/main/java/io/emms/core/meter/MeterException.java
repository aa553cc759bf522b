package io.emms.core.meter;

/** A meter refused a request or could not be reached. Protocol modules subclass it with their own details. */
public class MeterException extends RuntimeException {

  private final String meterId;

  public MeterException(String meterId, String message) {
    super(message);
    this.meterId = meterId;
  }

  public MeterException(String meterId, String message, Throwable cause) {
    super(message, cause);
    this.meterId = meterId;
  }

  /** The meter the failed request was addressed to. */
  public String meterId() {
    return meterId;
  }
}
