package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Response to function 0x18 (read FIFO queue): the queued registers, oldest first.
 *
 * @param registers 0..{@value #MAX_COUNT} registers, two bytes each, big-endian; a view, see the package docs for
 *     ownership
 */
public record ReadFifoQueueResponse(ByteBuf registers) implements ModbusResponse {

  /** The most registers a FIFO queue answers with; a longer queue is refused with exception 03. */
  public static final int MAX_COUNT = 31;

  public ReadFifoQueueResponse {
    Fields.requireBytes("registers", registers, 0, 2 * MAX_COUNT);
    if ((registers.readableBytes() & 1) != 0) {
      throw new IllegalArgumentException("registers has an odd number of bytes: " + registers.readableBytes());
    }
  }

  /** A response carrying these register values (0..65535), in a heap buffer that needs no release. */
  public static ReadFifoQueueResponse of(int... values) {
    return new ReadFifoQueueResponse(Fields.packRegisters(values));
  }

  /** How many registers were queued. */
  public int count() {
    return registers.readableBytes() >>> 1;
  }

  /** Queued register {@code index} (0 is the oldest) as an unsigned value 0..65535. */
  public int register(int index) {
    Objects.checkIndex(index, count());
    return registers.getUnsignedShort(registers.readerIndex() + (index << 1));
  }

  @Override
  public int functionCode() {
    return 0x18;
  }
}
