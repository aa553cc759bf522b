package io.emms.modbus.pdu;

/** Function 0x11: report server ID (serial line only). The request has no data. */
public record ReportServerIdRequest() implements ModbusRequest {

  @Override
  public int functionCode() {
    return 0x11;
  }
}
