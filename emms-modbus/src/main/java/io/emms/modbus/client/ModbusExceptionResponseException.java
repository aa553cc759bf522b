package io.emms.modbus.client;

import io.emms.core.meter.MeterRefusedException;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;

/** The server answered with an exception response (e.g. 02 illegal data address). */
public class ModbusExceptionResponseException extends MeterRefusedException {

  private final ExceptionResponse response;

  public ModbusExceptionResponseException(int unitId, ExceptionResponse response) {
    super("modbus:" + unitId,
        "unit " + unitId + " refused function " + response.functionCode() + ": " + describe(response));
    this.response = response;
  }

  private static String describe(ExceptionResponse response) {
    ExceptionCode code = response.exceptionCode();
    return code != null ? code.toString()
        : String.format("exception code %02X (not in the specification's list)", response.code());
  }

  /** The exception code the server sent; {@code null} for a code outside the specification's list. */
  public ExceptionCode exceptionCode() {
    return response.exceptionCode();
  }

  /** The exception code the server sent as a number (1..255), also when it is outside the specification's list. */
  public int code() {
    return response.code();
  }

  /** The function that was refused. */
  public int functionCode() {
    return response.functionCode();
  }
}
