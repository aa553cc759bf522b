package io.emms.modbus.pdu;

import java.util.Objects;

/**
 * An exception response: the server refused or failed the request. On the wire the function code has bit 0x80 set.
 *
 * @param functionCode the function that failed, 1..127 (without bit 0x80)
 * @param exceptionCode why
 */
public record ExceptionResponse(int functionCode, ExceptionCode exceptionCode) implements ModbusResponse {

  public ExceptionResponse {
    if (functionCode < 1 || functionCode > 0x7F) {
      throw new IllegalArgumentException("function code " + functionCode + " is not in 1..127");
    }
    Objects.requireNonNull(exceptionCode, "exceptionCode");
  }
}
