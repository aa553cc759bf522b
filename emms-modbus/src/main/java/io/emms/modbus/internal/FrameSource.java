package io.emms.modbus.internal;

import io.emms.bus.LineConfig;
import io.emms.core.link.FrameAssembler;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.LinkListener;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.frame.AsciiFrameDecoder;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.MbapFrameView;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameDecoder;
import io.emms.modbus.pdu.Direction;
import io.emms.modbus.pdu.FunctionCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link LinkListener} that turns link bytes into Modbus frames for one framing, on the server side (clients
 * read through an {@code emms-bus} line). UDP datagrams are checked one by one; stream framings go through a {@link
 * FrameAssembler}.
 *
 * <p>On a serial RTU line it also watches for silence: once the line has been quiet for the configured gap with
 * bytes pending, it calls {@link RtuFrameDecoder#lineIdle(FrameAssembler)} on the shared timer thread. A lock
 * serialises that with the I/O thread: it guards the assembler, its decoder and whatever the frame consumer and
 * {@code batchEnd} touch.
 */
public final class FrameSource implements LinkListener {

  /** Heap cumulation without leak tracking: a client closed while its link still delivers cannot leak native memory. */
  private static final ByteBufAllocator CUMULATION = new UnpooledByteBufAllocator(false, true);

  private final Consumer<ModbusFrame> frames;
  private final Runnable batchEnd;
  private final LinkListener state;
  private final MbapFrameDecoder datagrams;
  private final FrameAssembler<? extends ModbusFrame> assembler;
  private final FramingStats decoderStats;
  private final LineIdle lineIdle;
  private final ReentrantLock lock = new ReentrantLock();

  private FrameSource(
      Consumer<ModbusFrame> frames, Runnable batchEnd, LinkListener state, MbapFrameDecoder datagrams,
      FrameAssembler<? extends ModbusFrame> assembler, FramingStats decoderStats, RtuFrameDecoder idleRtu,
      long idleGapNanos) {
    this.frames = frames;
    this.batchEnd = batchEnd;
    this.state = state;
    this.datagrams = datagrams;
    this.assembler = assembler;
    this.decoderStats = decoderStats;
    this.lineIdle = idleRtu == null ? null : new LineIdle(idleRtu, idleGapNanos);
  }

  /**
   * @param direction what the frames carry: responses for a client, requests for a server
   * @param rtuIdleGap the line silence that ends pending bytes in {@link ModbusMode#RTU}; zero disables it, other
   *     modes ignore it
   * @param batchEnd runs after the frames of one delivery of bytes were handled, e.g. to flush replies at once
   */
  public static FrameSource create(
      ModbusMode mode, Direction direction, Duration rtuIdleGap, Consumer<ModbusFrame> frames, Runnable batchEnd,
      LinkListener state) {
    return create(mode, direction, rtuIdleGap, null, frames, batchEnd, state);
  }

  /**
   * As {@link #create(ModbusMode, Direction, Duration, Consumer, Runnable, LinkListener)}, but in {@link
   * ModbusMode#TCP} every frame is first offered, as a reused view, to {@code handledInPlace}; only the frames it
   * declines ({@code false}) become records for {@code frames}.
   */
  public static FrameSource create(
      ModbusMode mode, Direction direction, Duration rtuIdleGap, Predicate<MbapFrameView> handledInPlace,
      Consumer<ModbusFrame> frames, Runnable batchEnd, LinkListener state) {
    return switch (mode) {
      case UDP -> {
        MbapFrameDecoder datagrams = new MbapFrameDecoder();
        yield new FrameSource(frames, batchEnd, state, datagrams, null, datagrams, null, 0);
      }
      case TCP -> handledInPlace == null
          ? stream(new MbapFrameDecoder(), frames, batchEnd, state, null, 0)
          : stream(new InPlaceMbapDecoder(handledInPlace), frames, batchEnd, state, null, 0);
      case ASCII -> stream(new AsciiFrameDecoder(), frames, batchEnd, state, null, 0);
      case RTU, RTU_OVER_TCP -> {
        // A server must answer functions it does not know with exception 01, so it accepts their frames by CRC.
        RtuFrameDecoder rtu = direction == Direction.REQUEST
            ? new RtuFrameDecoder(direction, fc -> fc < 0x80 && FunctionCode.of(fc) == null)
            : new RtuFrameDecoder(direction);
        boolean watchLine = mode == ModbusMode.RTU && !rtuIdleGap.isZero();
        yield stream(rtu, frames, batchEnd, state, watchLine ? rtu : null, rtuIdleGap.toNanos());
      }
    };
  }

  private static <F extends ModbusFrame, D extends FrameDecoder<F> & FramingStats> FrameSource stream(
      D decoder, Consumer<ModbusFrame> frames, Runnable batchEnd, LinkListener state, RtuFrameDecoder idleRtu,
      long idleGapNanos) {
    return new FrameSource(frames, batchEnd, state, null,
        new FrameAssembler<F>(decoder, frames::accept, state, CUMULATION), decoder, idleRtu, idleGapNanos);
  }

  /** A snapshot of the decoder's counters. */
  public FramingStats framingStats() {
    lock.lock();
    try {
      return new Counts(decoderStats.frames(), decoderStats.discardedBytes(), decoderStats.checksumErrors());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onData(ByteBuf data) {
    lock.lock();
    try {
      if (datagrams != null) {
        ModbusFrame frame = datagrams.decodeDatagram(data);
        if (frame != null) {
          frames.accept(frame);
        }
      } else {
        assembler.onData(data);
      }
      batchEnd.run();
      if (lineIdle != null) {
        lineIdle.bytesArrived();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onOpen() {
    state.onOpen();
  }

  @Override
  public void onClosed(Throwable cause) {
    lock.lock();
    try {
      if (assembler == null) {
        state.onClosed(cause);
      } else {
        assembler.onClosed(cause);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Releases the assembler's buffer; bytes the link delivers afterwards start a new one. */
  public void close() {
    if (assembler != null) {
      lock.lock();
      try {
        assembler.close();
      } finally {
        lock.unlock();
      }
    }
  }

  private record Counts(long frames, long discardedBytes, long checksumErrors) implements FramingStats {}

  /**
   * The inter-character-gap fallback. One task per source with at most one timeout scheduled: bytes arriving while
   * it is armed only move {@code lastBytesNanos}, and the task re-arms itself for the rest of the gap when it finds
   * the line was not quiet long enough. Its fields are guarded by the lock.
   */
  private final class LineIdle implements TimerTask {
    private final RtuFrameDecoder rtu;
    private final long gapNanos;
    private long lastBytesNanos;
    private boolean armed;

    LineIdle(RtuFrameDecoder rtu, long gapNanos) {
      this.rtu = rtu;
      this.gapNanos = gapNanos;
    }

    /** Called with the lock held, after the bytes were handled; only pending bytes need the silence. */
    void bytesArrived() {
      lastBytesNanos = System.nanoTime();
      if (!armed && assembler.pendingBytes() > 0) {
        armed = true;
        schedule(gapNanos);
      }
    }

    @Override
    public void run(Timeout timeout) {
      // Never block the shared timer thread: a busy lock means bytes are being handled, so look again later.
      if (!lock.tryLock()) {
        schedule(gapNanos);
        return;
      }
      try {
        long silence = System.nanoTime() - lastBytesNanos;
        if (silence < gapNanos) {
          schedule(gapNanos - silence);
          return;
        }
        armed = false;
        // Nothing is pending after a reset or close either, so a released buffer is never touched.
        if (assembler.pendingBytes() > 0) {
          rtu.lineIdle(assembler);
          batchEnd.run();
        }
      } finally {
        lock.unlock();
      }
    }

    private void schedule(long delayNanos) {
      LineConfig.sharedTimer().newTimeout(this, delayNanos, TimeUnit.NANOSECONDS);
    }
  }
}
