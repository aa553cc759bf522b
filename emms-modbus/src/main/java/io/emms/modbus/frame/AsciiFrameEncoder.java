package io.emms.modbus.frame;

import io.emms.modbus.pdu.ModbusPdu;
import io.emms.modbus.pdu.ModbusPduEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Writes Modbus ASCII frames (':', address, PDU and LRC as uppercase hex pairs, CR LF). */
public final class AsciiFrameEncoder {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private AsciiFrameEncoder() {}

  /**
   * Appends one frame at the writer index of {@code out}. The binary frame is written first and then expanded to
   * hex in place, back to front, so no scratch buffer is needed.
   *
   * @return the number of bytes written
   */
  public static int encode(int unitId, ModbusPdu pdu, ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte(':');
    int binaryStart = out.writerIndex();
    out.writeByte(unitId);
    ModbusPduEncoder.encode(pdu, out);
    out.writeByte(Lrc.compute(out, binaryStart, out.writerIndex() - binaryStart));
    int binaryLength = out.writerIndex() - binaryStart;
    out.ensureWritable(binaryLength + 2);
    // Hex pair i lands at binaryStart + 2i >= binaryStart + i, so going backwards never overwrites an unread byte.
    for (int i = binaryLength - 1; i >= 0; i--) {
      int b = out.getUnsignedByte(binaryStart + i);
      out.setByte(binaryStart + 2 * i, HEX[b >>> 4]);
      out.setByte(binaryStart + 2 * i + 1, HEX[b & 0x0F]);
    }
    out.writerIndex(binaryStart + 2 * binaryLength);
    out.writeByte('\r');
    out.writeByte('\n');
    return out.writerIndex() - start;
  }
}
