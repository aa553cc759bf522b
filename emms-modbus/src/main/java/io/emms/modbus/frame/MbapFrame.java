package io.emms.modbus.frame;

import io.netty.buffer.ByteBuf;

/**
 * A Modbus TCP or UDP frame: MBAP header (transaction id, protocol id 0, length, unit id) and PDU.
 *
 * @param transactionId pairs a response with its request, 0..65535
 * @param unitId the unit identifier, 0..255 (0xFF or 0 when the server is not behind a gateway)
 * @param pdu the PDU bytes, a view
 */
public record MbapFrame(int transactionId, int unitId, ByteBuf pdu) implements ModbusFrame {

  @Override
  public MbapFrame withPdu(ByteBuf pdu) {
    return new MbapFrame(transactionId, unitId, pdu);
  }
}
