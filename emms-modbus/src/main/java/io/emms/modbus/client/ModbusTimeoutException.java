package io.emms.modbus.client;

/** No response arrived within the timeout, after all retries the configuration allows for the request. */
public class ModbusTimeoutException extends ModbusClientException {

  public ModbusTimeoutException(String message) {
    super(message);
  }
}
