package io.emms.modbus.frame;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.LinkListener;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.Hex;
import io.emms.modbus.pdu.ModbusPdu;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/** One framing under test: its encoder, a fresh decoder and a printable form of each frame. */
enum Codecs {
  TCP,
  RTU,
  ASCII;

  void encode(int index, ModbusPdu pdu, ByteBuf out) {
    switch (this) {
      case TCP -> MbapFrameEncoder.encode(index & 0xFFFF, unit(index), pdu, out);
      case RTU -> RtuFrameEncoder.encode(unit(index), pdu, out);
      case ASCII -> AsciiFrameEncoder.encode(unit(index), pdu, out);
    }
  }

  /** The user-defined function codes the generators use for raw PDUs (65..72). */
  static final java.util.function.IntPredicate USER_DEFINED = fc -> fc >= 0x41 && fc <= 0x48;

  static int unit(int index) {
    return 1 + index % 247;
  }

  /** What the decoder should deliver for the index-th frame. */
  String expected(int index, ModbusPdu pdu) {
    ByteBuf out = io.netty.buffer.Unpooled.buffer();
    io.emms.modbus.pdu.ModbusPduEncoder.encode(pdu, out);
    return (this == TCP ? (index & 0xFFFF) + "/" : "") + unit(index) + "/" + Hex.of(out);
  }

  static String describe(ModbusFrame frame) {
    String tid = frame instanceof MbapFrame m ? m.transactionId() + "/" : "";
    return tid + frame.unitId() + "/" + Hex.of(frame.pdu());
  }

  /** A decoder plus the assembler that feeds it from pooled direct buffers, recording each frame. */
  final class Harness implements AutoCloseable {
    final FrameDecoder<? extends ModbusFrame> decoder;
    final FramingStats stats;
    final FrameAssembler<ModbusFrame> assembler;
    final List<String> frames = new ArrayList<>();
    final List<ModbusFrame> raw = new ArrayList<>();

    private final java.util.function.Consumer<ModbusFrame> onFrame;

    Harness(Direction direction, java.util.function.Consumer<ModbusFrame> onFrame) {
      this.onFrame = onFrame;
      switch (Codecs.this) {
        case TCP -> {
          MbapFrameDecoder d = new MbapFrameDecoder();
          decoder = d;
          stats = d;
        }
        case RTU -> {
          RtuFrameDecoder d = new RtuFrameDecoder(direction, USER_DEFINED);
          decoder = d;
          stats = d;
        }
        default -> {
          AsciiFrameDecoder d = new AsciiFrameDecoder();
          decoder = d;
          stats = d;
        }
      }
      @SuppressWarnings("unchecked")
      FrameDecoder<ModbusFrame> typed = (FrameDecoder<ModbusFrame>) decoder;
      assembler = new FrameAssembler<>(typed, this::accept, new LinkListener() {
        @Override
        public void onData(ByteBuf data) {}
      }, PooledByteBufAllocator.DEFAULT);
    }

    private void accept(ModbusFrame frame) {
      frames.add(describe(frame));
      raw.add(frame);
      onFrame.accept(frame);
    }

    /** Feeds bytes as a link would: a pooled direct buffer, released after the call. */
    void feed(byte[] bytes, int from, int to) {
      ByteBuf piece =
          PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, to - from)).writeBytes(bytes, from, to - from);
      try {
        assembler.onData(piece);
      } finally {
        piece.release();
      }
    }

    void idle() {
      if (decoder instanceof RtuFrameDecoder rtu) {
        rtu.lineIdle(assembler);
      }
    }

    @Override
    public void close() {
      assembler.close();
    }
  }

  Harness harness(Direction direction) {
    return new Harness(direction, frame -> {});
  }

  /** A harness that also hands each frame to {@code onFrame} during the callback. */
  Harness harness(Direction direction, java.util.function.Consumer<ModbusFrame> onFrame) {
    return new Harness(direction, onFrame);
  }
}
