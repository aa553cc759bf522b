package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes PDUs into a caller-supplied buffer, without intermediate copies. Stateless and thread-safe.
 *
 * <p>Payload views of the records are read in place: their indices do not move and they are not released.
 */
public final class ModbusPduEncoder {

  /** The largest PDU the standard allows (256-byte RTU ADU minus address and CRC). */
  public static final int MAX_PDU_LENGTH = 253;

  private ModbusPduEncoder() {}

  /**
   * Appends {@code pdu} at the writer index of {@code out}, growing it if needed.
   *
   * @return the number of bytes written
   */
  public static int encode(ModbusPdu pdu, ByteBuf out) {
    int start = out.writerIndex();
    // The polling hot path first, in a method small enough to inline.
    if (pdu instanceof ReadHoldingRegistersRequest r) {
      writeAddressQuantity(out, 0x03, r.address(), r.quantity());
    } else if (pdu instanceof ReadHoldingRegistersResponse r) {
      writeRegisters(out, 0x03, r.registers());
    } else {
      encodeOther(pdu, out);
    }
    return out.writerIndex() - start;
  }

  /**
   * Checks the fields of a read request (functions 01–04) as its record constructor would, for framings that write
   * the PDU together with their header without building the record ({@code MbapFrameEncoder#encodeReadRequest}).
   *
   * @throws IllegalArgumentException if the function is not 01–04 or the range is invalid for it
   */
  public static void checkReadRequest(int functionCode, int address, int quantity) {
    if (functionCode < 0x01 || functionCode > 0x04) {
      throw new IllegalArgumentException("function " + functionCode + " is not a read of bits or registers");
    }
    Fields.requireRange(address, quantity,
        functionCode <= 0x02 ? ReadCoilsRequest.MAX_QUANTITY : ReadHoldingRegistersRequest.MAX_QUANTITY);
  }

  /**
   * Checks a registers response (functions 03, 04 or 17) of {@code byteCount} register bytes as its record
   * constructor would, for framings that write the PDU together with their header without building the record
   * ({@code MbapFrameEncoder#encodeRegistersResponse}).
   *
   * @throws IllegalArgumentException if the function has no registers response or there are not 1..125 registers
   */
  public static void checkRegistersResponse(int functionCode, int byteCount) {
    if (functionCode != 0x03 && functionCode != 0x04 && functionCode != 0x17) {
      throw new IllegalArgumentException("function " + functionCode + " has no registers response");
    }
    if (byteCount < 2 || byteCount > 250 || (byteCount & 1) != 0) {
      throw new IllegalArgumentException(byteCount + " register bytes, expected an even count in 2..250");
    }
  }

  private static void writeRegisters(ByteBuf out, int functionCode, ByteBuf registers) {
    int count = registers.readableBytes();
    out.ensureWritable(2 + count);
    out.writeShort(functionCode << 8 | count);
    out.writeBytes(registers, registers.readerIndex(), count);
  }

  private static void encodeOther(ModbusPdu pdu, ByteBuf out) {
    if (pdu instanceof RegisterView registers && pdu instanceof ModbusResponse) {
      writeRegisters(out, pdu.functionCode(), registers.registers());
    } else if (pdu instanceof ReadInputRegistersRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
    } else if (pdu instanceof ReadCoilsRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
    } else if (pdu instanceof ReadDiscreteInputsRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
    } else if (pdu instanceof ExceptionResponse e) {
      out.writeByte(e.functionCode() | 0x80);
      out.writeByte(e.code());
    } else if (pdu instanceof BitView bits && pdu instanceof ModbusResponse) {
      out.writeByte(pdu.functionCode());
      out.writeByte(bits.bits().readableBytes());
      writeView(out, bits.bits());
    } else if (pdu instanceof WriteSingleCoilRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.on() ? 0xFF00 : 0x0000);
    } else if (pdu instanceof WriteSingleCoilResponse r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.on() ? 0xFF00 : 0x0000);
    } else if (pdu instanceof WriteSingleRegisterRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.value());
    } else if (pdu instanceof WriteSingleRegisterResponse r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.value());
    } else if (pdu instanceof WriteMultipleCoilsRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
      out.writeByte(r.bits().readableBytes());
      writeView(out, r.bits());
    } else if (pdu instanceof WriteMultipleRegistersRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
      out.writeByte(r.registers().readableBytes());
      writeView(out, r.registers());
    } else if (pdu instanceof WriteMultipleCoilsResponse r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
    } else if (pdu instanceof WriteMultipleRegistersResponse r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.quantity());
    } else if (pdu instanceof ReadWriteMultipleRegistersRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.readAddress(), r.readQuantity());
      out.writeShort(r.writeAddress());
      out.writeShort(r.writeQuantity());
      out.writeByte(r.registers().readableBytes());
      writeView(out, r.registers());
    } else if (pdu instanceof MaskWriteRegisterRequest r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.andMask());
      out.writeShort(r.orMask());
    } else if (pdu instanceof MaskWriteRegisterResponse r) {
      writeAddressQuantity(out, r.functionCode(), r.address(), r.andMask());
      out.writeShort(r.orMask());
    } else {
      encodeSerialLineAndOther(pdu, out);
    }
  }

  private static void encodeSerialLineAndOther(ModbusPdu pdu, ByteBuf out) {
    out.writeByte(pdu.functionCode());
    if (pdu instanceof ReadExceptionStatusResponse r) {
      out.writeByte(r.status());
    } else if (pdu instanceof DiagnosticsRequest r) {
      out.writeShort(r.subFunction());
      writeView(out, r.data());
    } else if (pdu instanceof DiagnosticsResponse r) {
      out.writeShort(r.subFunction());
      writeView(out, r.data());
    } else if (pdu instanceof GetCommEventCounterResponse r) {
      out.writeShort(r.status());
      out.writeShort(r.eventCount());
    } else if (pdu instanceof GetCommEventLogResponse r) {
      out.writeByte(6 + r.events().readableBytes());
      out.writeShort(r.status());
      out.writeShort(r.eventCount());
      out.writeShort(r.messageCount());
      writeView(out, r.events());
    } else if (pdu instanceof ReportServerIdResponse r) {
      out.writeByte(r.data().readableBytes());
      writeView(out, r.data());
    } else if (pdu instanceof ReadFileRecordRequest r) {
      out.writeByte(7 * r.references().size());
      for (FileRecordReference f : r.references()) {
        out.writeByte(FileRecordReference.REFERENCE_TYPE);
        out.writeShort(f.fileNumber());
        out.writeShort(f.recordNumber());
        out.writeShort(f.recordLength());
      }
    } else if (pdu instanceof ReadFileRecordResponse r) {
      encodeFileRecordResponse(r, out);
    } else if (pdu instanceof WriteFileRecordRequest r) {
      encodeFileRecords(r.records(), out);
    } else if (pdu instanceof WriteFileRecordResponse r) {
      encodeFileRecords(r.records(), out);
    } else if (pdu instanceof ReadFifoQueueRequest r) {
      out.writeShort(r.address());
    } else if (pdu instanceof ReadFifoQueueResponse r) {
      out.writeShort(2 + r.registers().readableBytes());
      out.writeShort(r.count());
      writeView(out, r.registers());
    } else if (pdu instanceof ReadDeviceIdentificationRequest r) {
      out.writeByte(ReadDeviceIdentificationRequest.MEI_TYPE);
      out.writeByte(r.code().code());
      out.writeByte(r.objectId());
    } else if (pdu instanceof ReadDeviceIdentificationResponse r) {
      encodeDeviceIdentification(r, out);
    } else if (pdu instanceof RawPdu r) {
      writeView(out, r.data());
    }
    // The remaining requests (07, 0B, 0C, 11) are the function code alone.
  }

  private static void encodeFileRecordResponse(ReadFileRecordResponse r, ByteBuf out) {
    int length = 0;
    for (ByteBuf record : r.records()) {
      length += 2 + record.readableBytes();
    }
    out.writeByte(length);
    for (ByteBuf record : r.records()) {
      out.writeByte(1 + record.readableBytes());
      out.writeByte(FileRecordReference.REFERENCE_TYPE);
      writeView(out, record);
    }
  }

  private static void encodeFileRecords(List<FileRecord> records, ByteBuf out) {
    int length = 0;
    for (FileRecord record : records) {
      length += 7 + record.registers().readableBytes();
    }
    out.writeByte(length);
    for (FileRecord record : records) {
      out.writeByte(FileRecordReference.REFERENCE_TYPE);
      out.writeShort(record.fileNumber());
      out.writeShort(record.recordNumber());
      out.writeShort(record.registerCount());
      writeView(out, record.registers());
    }
  }

  private static void encodeDeviceIdentification(ReadDeviceIdentificationResponse r, ByteBuf out) {
    out.writeByte(ReadDeviceIdentificationRequest.MEI_TYPE);
    out.writeByte(r.code().code());
    out.writeByte(r.conformityLevel());
    out.writeByte(r.moreFollows() ? 0xFF : 0x00);
    out.writeByte(r.nextObjectId());
    out.writeByte(r.objects().size());
    for (DeviceIdObject o : r.objects()) {
      out.writeByte(o.id());
      out.writeByte(o.value().readableBytes());
      writeView(out, o.value());
    }
  }

  private static void writeAddressQuantity(ByteBuf out, int functionCode, int first, int second) {
    out.ensureWritable(5);
    out.writeByte(functionCode);
    out.writeInt(first << 16 | second & 0xFFFF);
  }

  private static void writeView(ByteBuf out, ByteBuf view) {
    out.writeBytes(view, view.readerIndex(), view.readableBytes());
  }
}
