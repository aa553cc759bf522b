package io.emms.core.meter;

/** No answer within the response timeout, after all retries. */
public class MeterTimeoutException extends MeterException {

  public MeterTimeoutException(String meterId, String message) {
    super(meterId, message);
  }
}
