package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A PDU that carries 16-bit registers, big-endian, as a {@link ByteBuf} view; the accessors read it in place
 * without copying or moving its indices.
 */
public sealed interface RegisterView
    permits ReadHoldingRegistersResponse,
        ReadInputRegistersResponse,
        ReadWriteMultipleRegistersResponse,
        WriteMultipleRegistersRequest,
        ReadWriteMultipleRegistersRequest,
        FileRecord {

  /** The register bytes, two per register; see the package docs for who owns this buffer. */
  ByteBuf registers();

  /** The number of registers. */
  default int registerCount() {
    return registers().readableBytes() >>> 1;
  }

  /** Register {@code index} (0-based) as an unsigned value 0..65535. */
  default int register(int index) {
    ByteBuf b = registers();
    Objects.checkIndex(index, b.readableBytes() >>> 1);
    return b.getUnsignedShort(b.readerIndex() + (index << 1));
  }

  /** A copy of all registers as unsigned values. */
  default int[] registerValues() {
    int[] values = new int[registerCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = register(i);
    }
    return values;
  }
}
