package io.emms.modbus.client;

import io.emms.core.meter.MeterRefusedException;
import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;

/** The server answered with an exception response (e.g. 02 illegal data address). */
public class ModbusExceptionResponseException extends MeterRefusedException {

  private final ExceptionResponse response;

  public ModbusExceptionResponseException(int unitId, ExceptionResponse response) {
    super("modbus:" + unitId,
        "unit " + unitId + " refused function " + response.functionCode() + ": " + response.exceptionCode());
    this.response = response;
  }

  /** The exception code the server sent. */
  public ExceptionCode exceptionCode() {
    return response.exceptionCode();
  }

  /** The function that was refused. */
  public int functionCode() {
    return response.functionCode();
  }
}
