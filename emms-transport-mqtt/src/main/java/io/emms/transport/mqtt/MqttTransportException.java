package io.emms.transport.mqtt;

/** The broker refused a connect, publish or subscribe, the client could not reach it, or the client is closed. */
public class MqttTransportException extends RuntimeException {

  private final int reasonCode;

  public MqttTransportException(String message, int reasonCode, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  public MqttTransportException(String message) {
    this(message, -1, null);
  }

  /**
   * The MQTT 5 reason code the broker gave (e.g. {@code 0x86} bad user name or password, {@code 0x87} not
   * authorized) or the client library's own code; -1 when there is none.
   */
  public int reasonCode() {
    return reasonCode;
  }
}
