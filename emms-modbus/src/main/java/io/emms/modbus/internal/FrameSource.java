package io.emms.modbus.internal;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.LinkListener;
import io.emms.modbus.frame.AsciiFrameDecoder;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameDecoder;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.FunctionCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The {@link LinkListener} that turns link bytes into Modbus frames for one framing, for clients and servers alike.
 * UDP datagrams are checked one by one; stream framings go through a {@link FrameAssembler}. A reset requested from
 * another thread (a response timeout) is applied on the I/O thread before the next bytes, so stale bytes of a late
 * reply cannot prefix the next one.
 */
public final class FrameSource implements LinkListener {

  /** Heap cumulation without leak tracking: a client closed while its link still delivers cannot leak native memory. */
  private static final ByteBufAllocator CUMULATION = new UnpooledByteBufAllocator(false, true);

  private final Consumer<ModbusFrame> frames;
  private final Runnable batchEnd;
  private final LinkListener state;
  private final MbapFrameDecoder datagrams;
  private final FrameAssembler<? extends ModbusFrame> assembler;
  private final AtomicBoolean resetRequested = new AtomicBoolean();
  private volatile boolean releaseOnClose;

  private FrameSource(
      Consumer<ModbusFrame> frames, Runnable batchEnd, LinkListener state, MbapFrameDecoder datagrams,
      FrameAssembler<? extends ModbusFrame> assembler) {
    this.frames = frames;
    this.batchEnd = batchEnd;
    this.state = state;
    this.datagrams = datagrams;
    this.assembler = assembler;
  }

  /**
   * @param udp whether each onData is one datagram holding one MBAP frame
   * @param serial RTU or ASCII framing instead of MBAP; {@code ascii} picks which
   * @param direction what the frames carry: responses for a client, requests for a server
   * @param batchEnd runs after the frames of one delivery of bytes were handled, e.g. to flush replies at once
   */
  public static FrameSource create(
      boolean udp, boolean serial, boolean ascii, Direction direction, Consumer<ModbusFrame> frames,
      Runnable batchEnd, LinkListener state) {
    if (udp) {
      return new FrameSource(frames, batchEnd, state, new MbapFrameDecoder(), null);
    }
    FrameAssembler<? extends ModbusFrame> assembler;
    if (!serial) {
      assembler = new FrameAssembler<>(new MbapFrameDecoder(), frames::accept, state, CUMULATION);
    } else if (ascii) {
      assembler = new FrameAssembler<>(new AsciiFrameDecoder(), frames::accept, state, CUMULATION);
    } else {
      // A server must answer functions it does not know with exception 01, so it accepts their frames by CRC.
      RtuFrameDecoder rtu = direction == Direction.REQUEST
          ? new RtuFrameDecoder(direction, fc -> fc < 0x80 && FunctionCode.of(fc) == null)
          : new RtuFrameDecoder(direction);
      assembler = new FrameAssembler<>(rtu, frames::accept, state, CUMULATION);
    }
    return new FrameSource(frames, batchEnd, state, null, assembler);
  }

  /** Asks the I/O thread to drop partial bytes before it handles the next data. */
  public void requestReset() {
    resetRequested.set(true);
  }

  @Override
  public void onData(ByteBuf data) {
    if (datagrams != null) {
      ModbusFrame frame = datagrams.decodeDatagram(data);
      if (frame != null) {
        frames.accept(frame);
      }
    } else {
      if (resetRequested.compareAndSet(true, false)) {
        assembler.reset();
      }
      assembler.onData(data);
    }
    batchEnd.run();
  }

  @Override
  public void onOpen() {
    state.onOpen();
  }

  @Override
  public void onClosed(Throwable cause) {
    if (assembler != null) {
      assembler.onClosed(cause);
      if (releaseOnClose) {
        assembler.close();
      }
    } else {
      state.onClosed(cause);
    }
  }

  /** Releases the assembler's buffer; only on the I/O thread, or once the link can deliver nothing more. */
  public void close() {
    if (assembler != null) {
      assembler.close();
    }
  }

  /** Releases the assembler's buffer on the I/O thread when the link reports that it closed. */
  public void closeWhenLinkCloses() {
    releaseOnClose = true;
  }
}
