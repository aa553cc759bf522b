package io.emms.modbus.server;

import io.emms.modbus.pdu.ExceptionCode;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;

/**
 * Answers the requests addressed to one unit of a {@link ModbusServer}.
 *
 * <p>Called on the link's I/O thread (or, for an RTU request that only an idle serial line delimits, on the shared
 * timer thread; one call at a time per link) with a request whose payload views are valid only during the call:
 * answer synchronously and copy what you keep. Returning an {@link ExceptionResponse} refuses the request; throwing
 * makes the server answer {@link ExceptionCode#SERVER_DEVICE_FAILURE}. {@link ProcessImageService} serves a
 * {@link ProcessImage} and is the class to extend to override single functions.
 */
@FunctionalInterface
public interface ModbusService {

  /**
   * Answers one request.
   *
   * @param unitId the unit the request was addressed to (0 for a serial broadcast, whose answer is not sent)
   * @param request the decoded, range-checked request
   * @return the response, never {@code null}
   */
  ModbusResponse handle(int unitId, ModbusRequest request);

  /** The exception response refusing {@code request} with {@code code}. */
  static ExceptionResponse refuse(ModbusRequest request, ExceptionCode code) {
    return new ExceptionResponse(request.functionCode(), code);
  }
}
