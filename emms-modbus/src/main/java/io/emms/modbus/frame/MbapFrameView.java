package io.emms.modbus.frame;

import io.emms.modbus.pdu.ModbusPduView;
import io.netty.buffer.ByteBuf;

/**
 * A reusable view of one MBAP frame in place in the decoder's input, filled by {@link
 * MbapFrameDecoder#decode(ByteBuf, MbapFrameView)}: the allocation-free alternative to {@link MbapFrame}. Valid as
 * long as the bytes it points at (for a cumulation buffer: until more bytes are added). Mutable and not
 * thread-safe: one per decoder or thread.
 */
public final class MbapFrameView {

  private final ModbusPduView pdu = new ModbusPduView();
  private int transactionId;
  private int unitId;

  void set(ByteBuf buf, int start, long header, int pduLength) {
    this.transactionId = (int) (header >>> 48);
    this.unitId = (int) (header >>> 8) & 0xFF;
    pdu.wrap(buf, start + MbapFrameDecoder.HEADER_LENGTH, pduLength);
  }

  /** Pairs a response with its request, 0..65535. */
  public int transactionId() {
    return transactionId;
  }

  /** The unit identifier, 0..255. */
  public int unitId() {
    return unitId;
  }

  /** The PDU, read in place. */
  public ModbusPduView pdu() {
    return pdu;
  }
}
