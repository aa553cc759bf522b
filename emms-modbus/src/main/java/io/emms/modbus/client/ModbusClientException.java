package io.emms.modbus.client;

import io.emms.core.meter.MeterException;

/**
 * A request failed: the link closed or failed, or the reply was not a valid answer to the request. {@link
 * #meterId()} is {@code null}: the message names the unit where one is concerned.
 */
public class ModbusClientException extends MeterException {

  public ModbusClientException(String message) {
    super(null, message);
  }

  public ModbusClientException(String message, Throwable cause) {
    super(null, message, cause);
  }

  /** A failure of a request to {@code meterId}, e.g. {@code modbus:17}. */
  public ModbusClientException(String meterId, String message, Throwable cause) {
    super(meterId, message, cause);
  }
}
