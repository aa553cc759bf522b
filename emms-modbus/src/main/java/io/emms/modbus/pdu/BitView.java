package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A PDU that carries packed bits (coils or discrete inputs) as a {@link ByteBuf} view: bit 0 of the first byte is
 * the first bit. A response carries whole bytes, so the padding bits of the last byte read as {@code false}; the
 * requested quantity says how many bits are meaningful.
 */
public sealed interface BitView permits ReadCoilsResponse, ReadDiscreteInputsResponse, WriteMultipleCoilsRequest {

  /** The packed bit bytes; see the package docs for who owns this buffer. */
  ByteBuf bits();

  /** Bit {@code index} (0-based) within the packed bytes. */
  default boolean bit(int index) {
    ByteBuf b = bits();
    Objects.checkIndex(index, b.readableBytes() << 3);
    return (b.getByte(b.readerIndex() + (index >>> 3)) & (1 << (index & 7))) != 0;
  }

  /** A copy of the first {@code quantity} bits. */
  default boolean[] bitValues(int quantity) {
    boolean[] values = new boolean[quantity];
    for (int i = 0; i < quantity; i++) {
      values[i] = bit(i);
    }
    return values;
  }
}
