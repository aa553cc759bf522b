package io.emms.bus;

import io.emms.core.link.DecoderCounters;
import io.emms.core.link.FrameDecoder;
import io.netty.buffer.ByteBuf;

/**
 * A three-byte test protocol: {@code A5 meter value}. A reply echoes the meter and carries a value; a pipelined
 * frame carries a transaction id instead of the value. Anything else is garbage, and {@code A5 00 xx} has a "bad
 * checksum".
 */
final class TestProtocol {

  static final int START = 0xA5;

  private TestProtocol() {}

  record Frame(int meter, int value) {}

  static final class Decoder implements FrameDecoder<Frame>, DecoderCounters {
    long discarded;
    long bad;

    @Override
    public Frame decode(ByteBuf in) {
      while (in.isReadable() && in.getUnsignedByte(in.readerIndex()) != START) {
        in.skipBytes(1);
        discarded++;
      }
      if (in.readableBytes() < 3) {
        return null;
      }
      in.skipBytes(1);
      int meter = in.readUnsignedByte();
      int value = in.readUnsignedByte();
      if (meter == 0) {
        bad++;
        discarded += 3;
        return null;
      }
      return new Frame(meter, value);
    }

    @Override
    public long discardedBytes() {
      return discarded;
    }

    @Override
    public long checksumErrors() {
      return bad;
    }
  }

  /** Asks meter {@code meter} for a value; the answer is the value the meter sends back. */
  static final class Ask implements Transaction<Integer> {
    private final Decoder decoder;
    private final int meter;
    private final int request;
    private final Priority priority;
    private Integer result;

    Ask(Decoder decoder, int meter, int request, Priority priority) {
      this.decoder = decoder;
      this.meter = meter;
      this.request = request;
      this.priority = priority;
    }

    @Override
    public String meterId() {
      return "test:" + meter;
    }

    @Override
    public Priority priority() {
      return priority;
    }

    @Override
    public FrameDecoder<?> decoder() {
      return decoder;
    }

    @Override
    public void writeRequest(ByteBuf out, int transactionId) {
      out.writeByte(START).writeByte(meter).writeByte(transactionId == 0 ? request : transactionId);
    }

    @Override
    public Verdict onFrame(Object frame) {
      Frame f = (Frame) frame;
      if (f.meter() != meter) {
        return Verdict.IGNORE;
      }
      result = f.value();
      return Verdict.DONE;
    }

    @Override
    public int transactionIdOf(Object frame) {
      return ((Frame) frame).value();
    }

    @Override
    public Integer result() {
      return result;
    }

    @Override
    public boolean changesDevice() {
      return priority == Priority.COMMAND;
    }
  }
}
