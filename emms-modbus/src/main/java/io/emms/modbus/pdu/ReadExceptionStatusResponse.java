package io.emms.modbus.pdu;

/**
 * Response to function 0x07 (read exception status).
 *
 * @param status the eight exception status outputs, 0..255
 */
public record ReadExceptionStatusResponse(int status) implements ModbusResponse {

  public ReadExceptionStatusResponse {
    Fields.requireU8("status", status);
  }

  @Override
  public int functionCode() {
    return 0x07;
  }
}
