package io.emms.modbus.client;

import io.emms.core.meter.MeterTimeoutException;

/** No response arrived within the timeout, after all retries the configuration allows for the request. */
public class ModbusTimeoutException extends MeterTimeoutException {

  public ModbusTimeoutException(String message) {
    super(null, message);
  }

  /** A timeout of a request to {@code meterId}, e.g. {@code modbus:17}. */
  public ModbusTimeoutException(String meterId, String message) {
    super(meterId, message);
  }
}
