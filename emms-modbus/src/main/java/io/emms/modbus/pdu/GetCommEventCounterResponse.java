package io.emms.modbus.pdu;

/**
 * Response to function 0x0B (get comm event counter).
 *
 * @param status 0xFFFF while a previous command is still being processed, otherwise 0x0000
 * @param eventCount the event counter, 0..65535
 */
public record GetCommEventCounterResponse(int status, int eventCount) implements ModbusResponse {

  public GetCommEventCounterResponse {
    Fields.requireU16("status", status);
    Fields.requireU16("eventCount", eventCount);
  }

  @Override
  public int functionCode() {
    return 0x0B;
  }
}
