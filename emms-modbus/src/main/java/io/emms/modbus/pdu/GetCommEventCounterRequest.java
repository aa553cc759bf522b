package io.emms.modbus.pdu;

/** Function 0x0B: get comm event counter (serial line only). The request has no data. */
public record GetCommEventCounterRequest() implements ModbusRequest {

  @Override
  public int functionCode() {
    return 0x0B;
  }
}
