package io.emms.modbus.client;

/** A request failed: the link closed or failed, or the reply was not a valid answer to the request. */
public class ModbusClientException extends RuntimeException {

  public ModbusClientException(String message) {
    super(message);
  }

  public ModbusClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
