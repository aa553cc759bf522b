package io.emms.modbus.frame;

import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.ModbusPduEncoder;
import io.netty.buffer.ByteBuf;

/** Writes Modbus RTU frames (address, PDU, CRC low byte first) straight into a caller-supplied buffer. */
public final class RtuFrameEncoder {

  private RtuFrameEncoder() {}

  /**
   * Appends one frame at the writer index of {@code out}.
   *
   * @return the number of bytes written
   */
  public static int encode(int unitId, ModbusPdu pdu, ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte(unitId);
    ModbusPduEncoder.encode(pdu, out);
    int crc = Crc16.compute(out, start, out.writerIndex() - start);
    out.writeShortLE(crc);
    return out.writerIndex() - start;
  }
}
