package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;

/**
 * Response to function 0x14 (read file record): the registers of each sub-request, in the order asked.
 *
 * @param records one register block per sub-request, two bytes per register, big-endian, at most 245 bytes with
 *     two bytes of header each; views, see the package docs for ownership
 */
public record ReadFileRecordResponse(List<ByteBuf> records) implements ModbusResponse {

  public ReadFileRecordResponse {
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no sub-response");
    }
    int length = 0;
    for (ByteBuf r : records) {
      Fields.requireRegisters("record", r, 121);
      length += 2 + r.readableBytes();
    }
    if (length > ReadFileRecordRequest.MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("sub-responses take " + length + " bytes, more than 245");
    }
  }

  /** Register {@code index} (0-based) of sub-response {@code record}, as an unsigned value 0..65535. */
  public int register(int record, int index) {
    ByteBuf b = records.get(record);
    Objects.checkIndex(index, b.readableBytes() >>> 1);
    return b.getUnsignedShort(b.readerIndex() + (index << 1));
  }

  @Override
  public int functionCode() {
    return 0x14;
  }
}
