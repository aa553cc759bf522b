package io.emms.modbus.frame;

import io.netty.buffer.ByteBuf;

/**
 * A Modbus RTU or ASCII frame whose CRC or LRC checked out.
 *
 * @param unitId the server address, 0 (broadcast) or 1..247
 * @param pdu the PDU bytes, a view
 */
public record SerialFrame(int unitId, ByteBuf pdu) implements ModbusFrame {

  @Override
  public SerialFrame withPdu(ByteBuf pdu) {
    return new SerialFrame(unitId, pdu);
  }
}
