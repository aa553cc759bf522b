package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A reusable view of one PDU in place in a buffer: the polling hot path read without allocating anything.
 *
 * <p>Read-register requests and responses (functions 03 and 04) and exception responses are read through the
 * accessors below, after the matching {@code is…} check; every other PDU, or any PDU that should outlive the view,
 * goes through {@link #toRequest()} / {@link #toResponse()} to its record. A frame decoder fills the view (see
 * {@code MbapFrameDecoder#decode(ByteBuf, MbapFrameView)}); it is valid as long as the bytes it points at. Mutable
 * and not thread-safe: one per decoder or thread.
 *
 * <pre>{@code
 * MbapFrameView frame = new MbapFrameView();
 * while (decoder.decode(in, frame)) {
 *   ModbusPduView pdu = frame.pdu();
 *   if (pdu.isRegistersResponse()) {
 *     handle(frame.transactionId(), pdu.register(0));
 *   } else {
 *     handle(frame.transactionId(), pdu.toResponse());
 *   }
 * }
 * }</pre>
 */
public final class ModbusPduView {

  private ByteBuf buf;
  private int index;
  private int length;
  private int functionCode;
  /** The byte after the function code (a byte count in most responses), -1 if absent. */
  private int secondByte;
  /** Bytes 1–4 of a 5-byte PDU: address and quantity of a read request. */
  private int addressQuantity;

  /** Points this view at {@code length} bytes of {@code buf} from {@code index}; indices are not moved. */
  public ModbusPduView wrap(ByteBuf buf, int index, int length) {
    int capacity = buf.capacity();
    Objects.checkFromIndexSize(index, length, capacity);
    this.buf = buf;
    this.index = index;
    this.length = length;
    // Read what the hot-path checks need once, so that the accessors do not go back to the buffer: one read of the
    // first eight bytes where the buffer has them (bytes past the PDU are ignored), else byte by byte.
    if (length >= 5 && index + 8 <= capacity) {
      long head = buf.getLong(index);
      this.functionCode = (int) (head >>> 56);
      this.secondByte = (int) (head >>> 48) & 0xFF;
      this.addressQuantity = (int) (head >>> 24);
    } else {
      this.functionCode = length >= 1 ? buf.getUnsignedByte(index) : -1;
      this.secondByte = length >= 2 ? buf.getUnsignedByte(index + 1) : -1;
      this.addressQuantity = length >= 5 ? buf.getInt(index + 1) : 0;
    }
    return this;
  }

  /** The PDU length in bytes, function code included. */
  public int length() {
    return length;
  }

  /** The function code byte as sent, with bit 0x80 set on an exception response; -1 for an empty PDU. */
  public int functionCode() {
    return functionCode;
  }

  /** Whether this is a well-formed exception response: a function code with bit 0x80 and one code byte. */
  public boolean isException() {
    return length == 2 && functionCode > 0x80;
  }

  /** The exception code of an exception response, {@code null} for any other PDU or an undefined code. */
  public ExceptionCode exceptionCode() {
    return isException() ? ExceptionCode.of(secondByte) : null;
  }

  /** The exception code byte of an exception response as sent, also outside the standard list; -1 otherwise. */
  public int rawExceptionCode() {
    return isException() ? secondByte : -1;
  }

  /** Whether this is a function 03 or 04 request of the right length (its range is checked by {@link #rangeError}). */
  public boolean isReadRegistersRequest() {
    return length == 5 && (functionCode == 0x03 || functionCode == 0x04);
  }

  /** The starting address of a read-registers request. */
  public int address() {
    requireLength(5);
    return addressQuantity >>> 16;
  }

  /** The quantity of a read-registers request. */
  public int quantity() {
    requireLength(5);
    return addressQuantity & 0xFFFF;
  }

  /**
   * Why a read-registers request must be refused (quantity outside 1..125: {@code ILLEGAL_DATA_VALUE}; past address
   * 65535: {@code ILLEGAL_DATA_ADDRESS}), or {@code null} if its range is valid.
   */
  public ExceptionCode rangeError() {
    return Fields.rangeError(address(), quantity(), ReadHoldingRegistersRequest.MAX_QUANTITY);
  }

  /** Whether this is a function 03 or 04 response whose byte count matches its length: 1..125 registers. */
  public boolean isRegistersResponse() {
    return (functionCode == 0x03 || functionCode == 0x04)
        && length >= 4
        && (length & 1) == 0
        && secondByte == length - 2;
  }

  /** The number of registers in a registers response. */
  public int registerCount() {
    return length < 2 ? 0 : (length - 2) >>> 1;
  }

  /** Register {@code i} (0-based) of a registers response, unsigned. */
  public int register(int i) {
    Objects.checkIndex(i, registerCount());
    return buf.getUnsignedShort(index + 2 + (i << 1));
  }

  /** Decodes the PDU as a request record; payloads of the record are slices of the viewed buffer. */
  public ModbusRequest toRequest() throws ModbusDecodeException {
    return ModbusPduDecoder.decodeRequest(buf, index, length);
  }

  /** Decodes the PDU as a response record; payloads of the record are slices of the viewed buffer. */
  public ModbusResponse toResponse() throws ModbusDecodeException {
    return ModbusPduDecoder.decodeResponse(buf, index, length);
  }

  /** The PDU bytes as a slice (allocates the slice; the bytes are not copied). */
  public ByteBuf slice() {
    return buf.slice(index, length);
  }

  private void requireLength(int expected) {
    if (length != expected) {
      throw new IllegalStateException("not a read-registers request: " + length + " bytes");
    }
  }
}
