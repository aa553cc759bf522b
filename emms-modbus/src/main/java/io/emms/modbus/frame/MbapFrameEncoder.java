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
    out.writeInt(transactionId << 16);
    out.writeMedium(unitId & 0xFF); // length 0, patched once the PDU is written
    int pduLength = ModbusPduEncoder.encode(pdu, out);
    out.setShort(start + 4, pduLength + 1);
    return out.writerIndex() - start;
  }

  /**
   * Appends a read request (functions 01–04) without building its record, checked as the record would be ({@link
   * ModbusPduEncoder#checkReadRequest}).
   *
   * @return the number of bytes written
   * @throws IllegalArgumentException for an invalid request, having written nothing
   */
  public static int encodeReadRequest(
      int transactionId, int unitId, int functionCode, int address, int quantity, ByteBuf out) {
    ModbusPduEncoder.checkReadRequest(functionCode, address, quantity);
    // Header and function code in one long, address and quantity in one int.
    out.writeLong(headerWithFunction(transactionId, 6, unitId, functionCode));
    out.writeInt(address << 16 | quantity);
    return 12;
  }

  /**
   * Appends a registers response (functions 03, 04, 17) without building its record, checked as the record would be
   * ({@link ModbusPduEncoder#checkRegistersResponse}).
   *
   * @return the number of bytes written
   * @throws IllegalArgumentException for an invalid response, having written nothing
   */
  public static int encodeRegistersResponse(
      int transactionId, int unitId, int functionCode, ByteBuf registers, ByteBuf out) {
    int count = registers.readableBytes();
    ModbusPduEncoder.checkRegistersResponse(functionCode, count);
    out.ensureWritable(9 + count);
    out.writeLong(headerWithFunction(transactionId, 3 + count, unitId, functionCode));
    out.writeByte(count);
    out.writeBytes(registers, registers.readerIndex(), count);
    return 9 + count;
  }

  /** The header (transaction id, protocol id 0, length, unit id) and the function code, as one big-endian long. */
  private static long headerWithFunction(int transactionId, int length, int unitId, int functionCode) {
    return (long) (transactionId & 0xFFFF) << 48 | (long) length << 16 | (unitId & 0xFF) << 8 | functionCode;
  }
}
