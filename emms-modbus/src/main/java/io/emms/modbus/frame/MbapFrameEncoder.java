package io.emms.modbus.frame;

import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.ModbusPduEncoder;
import io.netty.buffer.ByteBuf;

/** Writes Modbus TCP / UDP frames (MBAP header and PDU) straight into a caller-supplied buffer. */
public final class MbapFrameEncoder {

  private MbapFrameEncoder() {}

  /**
   * Appends one frame at the writer index of {@code out}.
   *
   * @return the number of bytes written
   */
  public static int encode(int transactionId, int unitId, ModbusPdu pdu, ByteBuf out) {
    int start = out.writerIndex();
    out.ensureWritable(MbapFrameDecoder.HEADER_LENGTH + 5);
    out.writeShort(transactionId);
    out.writeShort(0);
    out.writeShort(0); // length, patched once the PDU is written
    out.writeByte(unitId);
    int pduLength = ModbusPduEncoder.encode(pdu, out);
    out.setShort(start + 4, pduLength + 1);
    return out.writerIndex() - start;
  }
}
