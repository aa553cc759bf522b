package io.emms.modbus.pdu;

/** Function 0x07: read exception status (serial line only). The request has no data. */
public record ReadExceptionStatusRequest() implements ModbusRequest {

  @Override
  public int functionCode() {
    return 0x07;
  }
}
