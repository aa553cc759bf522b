package io.emms.transport.mqtt;

/** A telemetry or command payload that is not valid JSON or breaks its schema; the message says where. */
public class TelemetryFormatException extends RuntimeException {

  public TelemetryFormatException(String message) {
    super(message);
  }

  public TelemetryFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
