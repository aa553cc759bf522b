package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one whole PDU (function code and data, as cut out by a framer) into its record. Stateless and
 * thread-safe.
 *
 * <p>The decoder reads the readable bytes of the input without moving its indices; payloads of the records are
 * slices of the input (no copy, no retain), valid as long as the input is. Function codes without a record decode
 * to a {@link RawPdu}. Bad input never throws anything but {@link ModbusDecodeException}.
 */
public final class ModbusPduDecoder {

  private ModbusPduDecoder() {}

  /** Decodes a PDU travelling in {@code direction}. */
  public static ModbusPdu decode(ByteBuf pdu, Direction direction) throws ModbusDecodeException {
    return direction == Direction.REQUEST ? decodeRequest(pdu) : decodeResponse(pdu);
  }

  /** Decodes a request PDU; a server answers a failure with its {@link ModbusDecodeException#exceptionCode()}. */
  public static ModbusRequest decodeRequest(ByteBuf pdu) throws ModbusDecodeException {
    return decodeRequest(pdu, pdu.readerIndex(), pdu.readableBytes());
  }

  /** Decodes the request PDU of {@code length} bytes at {@code base} in {@code pdu}. */
  static ModbusRequest decodeRequest(ByteBuf pdu, int base, int length) throws ModbusDecodeException {
    if (length < 1) {
      throw new ModbusDecodeException(-1, ExceptionCode.ILLEGAL_FUNCTION, "empty PDU");
    }
    int fc = pdu.getUnsignedByte(base);
    if (fc == 0 || fc > 0x7F) {
      throw new ModbusDecodeException(fc, ExceptionCode.ILLEGAL_FUNCTION, "function code " + fc + " in a request");
    }
    if (length > ModbusPduEncoder.MAX_PDU_LENGTH) {
      throw invalid(fc, "PDU of " + length + " bytes exceeds 253");
    }
    if ((fc == 0x03 || fc == 0x04) && length == 5) {
      return readRegisters(pdu, base, fc);
    }
    Reader r = new Reader(pdu, base, length, fc);
    try {
      return RequestLayouts.decode(r);
    } catch (IllegalArgumentException e) {
      throw invalid(fc, e.getMessage());
    }
  }

  /** Decodes a response PDU. */
  public static ModbusResponse decodeResponse(ByteBuf pdu) throws ModbusDecodeException {
    return decodeResponse(pdu, pdu.readerIndex(), pdu.readableBytes());
  }

  /** Decodes the response PDU of {@code length} bytes at {@code base} in {@code pdu}. */
  static ModbusResponse decodeResponse(ByteBuf pdu, int base, int length) throws ModbusDecodeException {
    if (length < 1) {
      throw new ModbusDecodeException(-1, ExceptionCode.ILLEGAL_DATA_VALUE, "empty PDU");
    }
    int fc = pdu.getUnsignedByte(base);
    if (length > ModbusPduEncoder.MAX_PDU_LENGTH) {
      throw invalid(fc & 0x7F, "PDU of " + length + " bytes exceeds 253");
    }
    if ((fc == 0x03 || fc == 0x04) && length >= 4 && pdu.getUnsignedByte(base + 1) == length - 2 && (length & 1) == 0) {
      ByteBuf registers = pdu.slice(base + 2, length - 2);
      return fc == 0x03 ? new ReadHoldingRegistersResponse(registers) : new ReadInputRegistersResponse(registers);
    }
    Reader r = new Reader(pdu, base, length, fc);
    try {
      return ResponseLayouts.decode(r);
    } catch (IllegalArgumentException e) {
      throw invalid(fc & 0x7F, e.getMessage());
    }
  }

  /**
   * Decodes the response to {@code request} and checks that it answers it: same function, as many bits or
   * registers as asked for, an echo that matches for the write functions. An exception response for the same
   * function passes.
   */
  public static ModbusResponse decodeResponse(ByteBuf pdu, ModbusRequest request) throws ModbusDecodeException {
    ModbusResponse response = decodeResponse(pdu);
    String mismatch = ResponseMatch.mismatch(request, response);
    if (mismatch != null) {
      throw invalid(response.functionCode(), mismatch);
    }
    return response;
  }

  /** The polling hot path (FC03 / FC04 requests), kept small and allocation-free apart from the record. */
  private static ModbusRequest readRegisters(ByteBuf pdu, int base, int fc) throws ModbusDecodeException {
    int address = pdu.getUnsignedShort(base + 1);
    int quantity = pdu.getUnsignedShort(base + 3);
    ExceptionCode error = Fields.rangeError(address, quantity, ReadHoldingRegistersRequest.MAX_QUANTITY);
    if (error != null) {
      throw new ModbusDecodeException(
          fc, error, "address " + address + " quantity " + quantity + " out of range for function " + fc);
    }
    return fc == 0x03
        ? new ReadHoldingRegistersRequest(address, quantity)
        : new ReadInputRegistersRequest(address, quantity);
  }

  static ModbusDecodeException invalid(int fc, String message) {
    return new ModbusDecodeException(fc, ExceptionCode.ILLEGAL_DATA_VALUE, message);
  }

  /** Bounds-checked absolute reads over one PDU. */
  static final class Reader {
    final ByteBuf buf;
    final int base;
    final int length;
    final int fc;

    Reader(ByteBuf buf, int base, int length, int fc) {
      this.buf = buf;
      this.base = base;
      this.length = length;
      this.fc = fc;
    }

    void requireLength(int expected) throws ModbusDecodeException {
      if (length != expected) {
        throw invalid(fc & 0x7F, "function " + fc + " needs " + expected + " bytes, got " + length);
      }
    }

    void requireAtLeast(int expected) throws ModbusDecodeException {
      if (length < expected) {
        throw invalid(fc & 0x7F, "function " + fc + " needs at least " + expected + " bytes, got " + length);
      }
    }

    int u8(int offset) {
      return buf.getUnsignedByte(base + offset);
    }

    int u16(int offset) {
      return buf.getUnsignedShort(base + offset);
    }

    ByteBuf slice(int offset, int count) {
      return buf.slice(base + offset, count);
    }

    /** The byte count at {@code offset}, checked to cover exactly the rest of the PDU. */
    int byteCount(int offset) throws ModbusDecodeException {
      requireAtLeast(offset + 1);
      int count = u8(offset);
      if (offset + 1 + count != length) {
        throw invalid(fc & 0x7F, "byte count " + count + " disagrees with PDU length " + length);
      }
      return count;
    }

    void requireRange(int address, int quantity, int max) throws ModbusDecodeException {
      ExceptionCode error = Fields.rangeError(address, quantity, max);
      if (error != null) {
        throw new ModbusDecodeException(
            fc, error, "address " + address + " quantity " + quantity + " out of range for function " + fc);
      }
    }

    /** Checks the reference type, file, record and length of the file sub-request at {@code offset}. */
    void requireFileRange(int offset) throws ModbusDecodeException {
      if (u8(offset) != FileRecordReference.REFERENCE_TYPE) {
        throw new ModbusDecodeException(fc & 0x7F, ExceptionCode.ILLEGAL_DATA_ADDRESS,
            "reference type " + u8(offset) + ", expected 6");
      }
      ExceptionCode error = Fields.fileRangeError(u16(offset + 1), u16(offset + 3), u16(offset + 5));
      if (error != null) {
        throw new ModbusDecodeException(fc & 0x7F, error, "file " + u16(offset + 1) + " record " + u16(offset + 3)
            + " length " + u16(offset + 5) + " out of range for function " + (fc & 0x7F));
      }
    }

    boolean coilValue(int offset) throws ModbusDecodeException {
      int v = u16(offset);
      if (v != 0xFF00 && v != 0x0000) {
        throw invalid(fc, String.format("coil value 0x%04X is neither 0xFF00 nor 0x0000", v));
      }
      return v == 0xFF00;
    }
  }

  /** Request layouts, Modbus Application Protocol v1.1b3 section 6. */
  private static final class RequestLayouts {

    static ModbusRequest decode(Reader r) throws ModbusDecodeException {
      switch (r.fc) {
        case 0x01:
        case 0x02:
          r.requireLength(5);
          r.requireRange(r.u16(1), r.u16(3), ReadCoilsRequest.MAX_QUANTITY);
          return r.fc == 0x01
              ? new ReadCoilsRequest(r.u16(1), r.u16(3))
              : new ReadDiscreteInputsRequest(r.u16(1), r.u16(3));
        case 0x03:
        case 0x04:
          r.requireLength(5);
          r.requireRange(r.u16(1), r.u16(3), ReadHoldingRegistersRequest.MAX_QUANTITY);
          return r.fc == 0x03
              ? new ReadHoldingRegistersRequest(r.u16(1), r.u16(3))
              : new ReadInputRegistersRequest(r.u16(1), r.u16(3));
        case 0x05:
          r.requireLength(5);
          return new WriteSingleCoilRequest(r.u16(1), r.coilValue(3));
        case 0x06:
          r.requireLength(5);
          return new WriteSingleRegisterRequest(r.u16(1), r.u16(3));
        case 0x07:
          r.requireLength(1);
          return new ReadExceptionStatusRequest();
        case 0x08:
          return new DiagnosticsRequest(diagnosticSubFunction(r), r.slice(3, r.length - 3));
        case 0x0B:
          r.requireLength(1);
          return new GetCommEventCounterRequest();
        case 0x0C:
          r.requireLength(1);
          return new GetCommEventLogRequest();
        case 0x0F:
          return writeMultipleCoils(r);
        case 0x10:
          return writeMultipleRegisters(r);
        case 0x11:
          r.requireLength(1);
          return new ReportServerIdRequest();
        case 0x16:
          r.requireLength(7);
          return new MaskWriteRegisterRequest(r.u16(1), r.u16(3), r.u16(5));
        case 0x17:
          return readWriteMultipleRegisters(r);
        case 0x14:
          return readFileRecord(r);
        case 0x15:
          return new WriteFileRecordRequest(fileRecords(r));
        case 0x18:
          r.requireLength(3);
          return new ReadFifoQueueRequest(r.u16(1));
        case 0x2B:
          if (r.length >= 2 && r.u8(1) == ReadDeviceIdentificationRequest.MEI_TYPE) {
            r.requireLength(4);
            return new ReadDeviceIdentificationRequest(deviceIdCode(r), r.u8(3));
          }
          return new RawPdu(r.fc, r.slice(1, r.length - 1));
        default:
          return new RawPdu(r.fc, r.slice(1, r.length - 1));
      }
    }

    private static WriteMultipleCoilsRequest writeMultipleCoils(Reader r) throws ModbusDecodeException {
      r.requireAtLeast(6);
      int quantity = r.u16(3);
      int count = r.byteCount(5);
      if (quantity < 1 || quantity > WriteMultipleCoilsRequest.MAX_QUANTITY || count != (quantity + 7) >>> 3) {
        throw invalid(r.fc, "quantity " + quantity + " with byte count " + count);
      }
      r.requireRange(r.u16(1), quantity, WriteMultipleCoilsRequest.MAX_QUANTITY);
      return new WriteMultipleCoilsRequest(r.u16(1), quantity, r.slice(6, count));
    }

    private static WriteMultipleRegistersRequest writeMultipleRegisters(Reader r) throws ModbusDecodeException {
      r.requireAtLeast(6);
      int quantity = r.u16(3);
      int count = r.byteCount(5);
      if (quantity < 1 || quantity > WriteMultipleRegistersRequest.MAX_QUANTITY || count != quantity * 2) {
        throw invalid(r.fc, "quantity " + quantity + " with byte count " + count);
      }
      r.requireRange(r.u16(1), quantity, WriteMultipleRegistersRequest.MAX_QUANTITY);
      return new WriteMultipleRegistersRequest(r.u16(1), r.slice(6, count));
    }

    private static ReadWriteMultipleRegistersRequest readWriteMultipleRegisters(Reader r)
        throws ModbusDecodeException {
      r.requireAtLeast(10);
      int writeQuantity = r.u16(7);
      int count = r.byteCount(9);
      if (writeQuantity < 1
          || writeQuantity > ReadWriteMultipleRegistersRequest.MAX_WRITE_QUANTITY
          || count != writeQuantity * 2) {
        throw invalid(r.fc, "write quantity " + writeQuantity + " with byte count " + count);
      }
      r.requireRange(r.u16(1), r.u16(3), ReadWriteMultipleRegistersRequest.MAX_READ_QUANTITY);
      r.requireRange(r.u16(5), writeQuantity, ReadWriteMultipleRegistersRequest.MAX_WRITE_QUANTITY);
      return new ReadWriteMultipleRegistersRequest(r.u16(1), r.u16(3), r.u16(5), r.slice(10, count));
    }

    /** Section 6.14: sub-requests of seven bytes (reference type 6, file, record, length). */
    private static ReadFileRecordRequest readFileRecord(Reader r) throws ModbusDecodeException {
      int count = r.byteCount(1);
      if (count < 7 || count > ReadFileRecordRequest.MAX_DATA_LENGTH || count % 7 != 0) {
        throw invalid(r.fc, "byte count " + count + " is not 7..245 in steps of 7");
      }
      List<FileRecordReference> references = new ArrayList<>(count / 7);
      for (int offset = 2; offset < r.length; offset += 7) {
        r.requireFileRange(offset);
        references.add(new FileRecordReference(r.u16(offset + 1), r.u16(offset + 3), r.u16(offset + 5)));
      }
      return new ReadFileRecordRequest(references);
    }
  }

  /**
   * Section 6.15: the sub-requests of a write file record and of its echo, each reference type 6, file, record,
   * length and that many registers.
   */
  private static List<FileRecord> fileRecords(Reader r) throws ModbusDecodeException {
    int count = r.byteCount(1);
    if (count < 9 || count > WriteFileRecordRequest.MAX_DATA_LENGTH) {
      throw invalid(r.fc, "request data length " + count + " is not 9..251");
    }
    List<FileRecord> records = new ArrayList<>();
    int offset = 2;
    while (offset < r.length) {
      r.requireAtLeast(offset + 7);
      r.requireFileRange(offset);
      int registers = r.u16(offset + 5);
      r.requireAtLeast(offset + 7 + 2 * registers);
      records.add(new FileRecord(r.u16(offset + 1), r.u16(offset + 3), r.slice(offset + 7, 2 * registers)));
      offset += 7 + 2 * registers;
    }
    return records;
  }

  /** Response layouts, Modbus Application Protocol v1.1b3 sections 6 and 7. */
  private static final class ResponseLayouts {

    static ModbusResponse decode(Reader r) throws ModbusDecodeException {
      if (r.fc > 0x80) {
        r.requireLength(2);
        return new ExceptionResponse(r.fc & 0x7F, r.u8(1));
      }
      switch (r.fc) {
        case 0x01:
          return new ReadCoilsResponse(r.slice(2, r.byteCount(1)));
        case 0x02:
          return new ReadDiscreteInputsResponse(r.slice(2, r.byteCount(1)));
        case 0x03:
          return new ReadHoldingRegistersResponse(r.slice(2, r.byteCount(1)));
        case 0x04:
          return new ReadInputRegistersResponse(r.slice(2, r.byteCount(1)));
        case 0x05:
          r.requireLength(5);
          return new WriteSingleCoilResponse(r.u16(1), r.coilValue(3));
        case 0x06:
          r.requireLength(5);
          return new WriteSingleRegisterResponse(r.u16(1), r.u16(3));
        case 0x07:
          r.requireLength(2);
          return new ReadExceptionStatusResponse(r.u8(1));
        case 0x08:
          return new DiagnosticsResponse(diagnosticSubFunction(r), r.slice(3, r.length - 3));
        case 0x0B:
          r.requireLength(5);
          return new GetCommEventCounterResponse(r.u16(1), r.u16(3));
        case 0x0C:
          int count = r.byteCount(1);
          if (count < 6) {
            throw invalid(r.fc, "byte count " + count + " below 6");
          }
          return new GetCommEventLogResponse(r.u16(2), r.u16(4), r.u16(6), r.slice(8, count - 6));
        case 0x0F:
          r.requireLength(5);
          return new WriteMultipleCoilsResponse(r.u16(1), r.u16(3));
        case 0x10:
          r.requireLength(5);
          return new WriteMultipleRegistersResponse(r.u16(1), r.u16(3));
        case 0x11:
          return new ReportServerIdResponse(r.slice(2, r.byteCount(1)));
        case 0x16:
          r.requireLength(7);
          return new MaskWriteRegisterResponse(r.u16(1), r.u16(3), r.u16(5));
        case 0x17:
          return new ReadWriteMultipleRegistersResponse(r.slice(2, r.byteCount(1)));
        case 0x14:
          return readFileRecord(r);
        case 0x15:
          return new WriteFileRecordResponse(fileRecords(r));
        case 0x18:
          return readFifoQueue(r);
        case 0x2B:
          if (r.length >= 2 && r.u8(1) == ReadDeviceIdentificationRequest.MEI_TYPE) {
            return deviceIdentification(r);
          }
          return new RawPdu(r.fc, r.slice(1, r.length - 1));
        default:
          if (r.fc == 0 || r.fc == 0x80) {
            throw invalid(r.fc & 0x7F, "function code " + r.fc + " in a response");
          }
          return new RawPdu(r.fc, r.slice(1, r.length - 1));
      }
    }

    /** Section 6.14: sub-responses of a length byte (1 + 2N), reference type 6 and N registers. */
    private static ReadFileRecordResponse readFileRecord(Reader r) throws ModbusDecodeException {
      int count = r.byteCount(1);
      if (count < 4 || count > ReadFileRecordRequest.MAX_DATA_LENGTH) {
        throw invalid(r.fc, "response data length " + count + " is not 4..245");
      }
      List<ByteBuf> records = new ArrayList<>();
      int offset = 2;
      while (offset < r.length) {
        r.requireAtLeast(offset + 2);
        int subLength = r.u8(offset);
        if (subLength < 3 || (subLength & 1) == 0 || r.u8(offset + 1) != FileRecordReference.REFERENCE_TYPE) {
          throw invalid(r.fc, "sub-response length " + subLength + " reference type " + r.u8(offset + 1));
        }
        r.requireAtLeast(offset + 1 + subLength);
        records.add(r.slice(offset + 2, subLength - 1));
        offset += 1 + subLength;
      }
      return new ReadFileRecordResponse(records);
    }

    /** Section 6.18: a 16-bit byte count, a 16-bit FIFO count and the registers. */
    private static ReadFifoQueueResponse readFifoQueue(Reader r) throws ModbusDecodeException {
      r.requireAtLeast(5);
      int count = r.u16(3);
      if (r.u16(1) != r.length - 3 || r.u16(1) != 2 + 2 * count || count > ReadFifoQueueResponse.MAX_COUNT) {
        throw invalid(r.fc, "byte count " + r.u16(1) + " FIFO count " + count + " in a PDU of " + r.length);
      }
      return new ReadFifoQueueResponse(r.slice(5, 2 * count));
    }

    private static ReadDeviceIdentificationResponse deviceIdentification(Reader r) throws ModbusDecodeException {
      r.requireAtLeast(7);
      ReadDeviceIdCode code = deviceIdCode(r);
      int more = r.u8(4);
      if (more != 0x00 && more != 0xFF) {
        throw invalid(r.fc, String.format("more-follows 0x%02X is neither 0x00 nor 0xFF", more));
      }
      int objectCount = r.u8(6);
      List<DeviceIdObject> objects = new ArrayList<>(objectCount);
      int offset = 7;
      for (int i = 0; i < objectCount; i++) {
        r.requireAtLeast(offset + 2);
        int valueLength = r.u8(offset + 1);
        r.requireAtLeast(offset + 2 + valueLength);
        objects.add(new DeviceIdObject(r.u8(offset), r.slice(offset + 2, valueLength)));
        offset += 2 + valueLength;
      }
      r.requireLength(offset);
      return new ReadDeviceIdentificationResponse(code, r.u8(3), more == 0xFF, r.u8(5), objects);
    }
  }

  private static int diagnosticSubFunction(Reader r) throws ModbusDecodeException {
    r.requireAtLeast(5);
    if ((r.length & 1) == 0) {
      throw invalid(r.fc, "diagnostics data of odd length " + (r.length - 3));
    }
    return r.u16(1);
  }

  private static ReadDeviceIdCode deviceIdCode(Reader r) throws ModbusDecodeException {
    ReadDeviceIdCode code = ReadDeviceIdCode.of(r.u8(2));
    if (code == null) {
      throw invalid(r.fc, "read device ID code " + r.u8(2));
    }
    return code;
  }
}
