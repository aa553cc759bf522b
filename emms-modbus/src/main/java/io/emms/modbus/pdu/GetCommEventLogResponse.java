package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x0C (get comm event log).
 *
 * @param status 0xFFFF while a previous command is still being processed, otherwise 0x0000
 * @param eventCount the event counter, 0..65535
 * @param messageCount the bus message counter, 0..65535
 * @param events 0..64 event bytes, most recent first; a view, see the package docs for ownership
 */
public record GetCommEventLogResponse(int status, int eventCount, int messageCount, ByteBuf events)
    implements ModbusResponse {

  public GetCommEventLogResponse {
    Fields.requireU16("status", status);
    Fields.requireU16("eventCount", eventCount);
    Fields.requireU16("messageCount", messageCount);
    Fields.requireBytes("events", events, 0, 64);
  }

  @Override
  public int functionCode() {
    return 0x0C;
  }
}
