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
    encodeRegistersResponseHead(transactionId, unitId, functionCode, count, out);
    out.writeBytes(registers, registers.readerIndex(), count);
    return 9 + count;
  }

  /**
   * Appends the head of a registers response (MBAP header, function code, byte count) for a caller that writes the
   * {@code byteCount} register bytes straight after it, e.g. from its process image, instead of copying them from a
   * buffer of their own. Room for the whole frame is ensured.
   *
   * @return the number of bytes written (9)
   * @throws IllegalArgumentException for an invalid response, having written nothing
   */
  public static int encodeRegistersResponseHead(
      int transactionId, int unitId, int functionCode, int byteCount, ByteBuf out) {
    ModbusPduEncoder.checkRegistersResponse(functionCode, byteCount);
    out.ensureWritable(9 + byteCount);
    out.writeLong(headerWithFunction(transactionId, 3 + byteCount, unitId, functionCode));
    out.writeByte(byteCount);
    return 9;
  }

  /** The header (transaction id, protocol id 0, length, unit id) and the function code, as one big-endian long. */
  private static long headerWithFunction(int transactionId, int length, int unitId, int functionCode) {
    return (long) (transactionId & 0xFFFF) << 48 | (long) length << 16 | (unitId & 0xFF) << 8 | functionCode;
  }
}
