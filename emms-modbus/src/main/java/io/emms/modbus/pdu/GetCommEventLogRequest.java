package io.emms.modbus.pdu;

/** Function 0x0C: get comm event log (serial line only). The request has no data. */
public record GetCommEventLogRequest() implements ModbusRequest {

  @Override
  public int functionCode() {
    return 0x0C;
  }
}
