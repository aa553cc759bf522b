package io.emms.bus.internal;

import io.emms.bus.Counters;
import io.emms.bus.FrameTrace;
import io.emms.bus.LineConfig;
import io.emms.bus.QueueFullException;
import io.emms.bus.RetryPolicy;
import io.emms.bus.Transaction;
import io.emms.core.link.DecoderCounters;
import io.emms.core.link.FrameDecoder;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What both schedulers share: the link listener that feeds received bytes to the decoder of the transaction on the
 * wire, the meters and their counters, the response timers, and completing futures outside the lock.
 *
 * <p>One lock guards all state. Entry points (bytes, timers, write completions, submits, close) change state under
 * it and queue settled submissions; each entry point then completes those futures after releasing the lock, so
 * caller code never runs under it.
 */
public abstract class LineEngine implements LinkListener {

  protected final Link link;
  protected final LineConfig config;
  protected final Timer timer;
  protected final Object lock = new Object();
  protected final Tally lineTally = new Tally();
  protected boolean closed;
  protected int queued;

  private final Map<String, MeterState> meters = new HashMap<>();
  private final ArrayDeque<Submission<?>> settled = new ArrayDeque<>();
  private final Consumer<Object> idleFrames = this::frame;
  private final IdleWatch idleWatch;
  private ByteBuf cumulation;
  private FrameDecoder<?> decoder;
  private MeterState receiving;
  protected long lastReceivedNanos;

  protected LineEngine(Link link, LineConfig config) {
    this.link = link;
    this.config = config;
    this.timer = config.timer();
    this.idleWatch = config.idleGap().isZero() ? null : new IdleWatch(config.idleGap().toNanos());
  }

  // ---- submitting ----

  /** Queues {@code transaction}; see {@link io.emms.bus.Scheduler#submit}. */
  public final <R> CompletableFuture<R> submit(Transaction<R> transaction) {
    Submission<R> s;
    synchronized (lock) {
      s = new Submission<>(this, transaction, meter(transaction.meterId()));
      if (closed) {
        settle(s, new LinkException(transaction.meterId(), "line on " + link.name() + " is closed", null));
      } else if (queued >= config.queueCapacity()) {
        settle(s, new QueueFullException(transaction.meterId(),
            "the queue of the line on " + link.name() + " is full (" + config.queueCapacity() + " waiting)"));
      } else {
        enqueue(s);
        dispatch();
      }
    }
    deliverSettled();
    return s;
  }

  /** Adds a new submission to the queue, under the lock. */
  protected abstract void enqueue(Submission<?> s);

  /** Puts what may go on the wire now on the wire, under the lock. */
  protected abstract void dispatch();

  protected final MeterState meter(String id) {
    return meters.computeIfAbsent(id, MeterState::new);
  }

  protected final Iterable<MeterState> meters() {
    return meters.values();
  }

  // ---- writing ----

  /** Writes the current step of {@code s}, arms its response timer and counts the request; under the lock. */
  protected final boolean write(Submission<?> s, ByteBuf out) {
    Transaction<?> t = s.transaction;
    int mark = out.writerIndex();
    try {
      t.writeRequest(out, s.transactionId);
    } catch (RuntimeException e) {
      out.writerIndex(mark);
      settle(s, e);
      return false;
    }
    if (s.attempts++ == 0 && s.firstSentNanos == 0) {
      s.firstSentNanos = System.nanoTime();
    }
    lineTally.requests++;
    s.meter.tally.requests++;
    if (config.trace() != null) {
      trace(FrameTrace.Direction.SENT, out, mark, out.writerIndex() - mark);
    }
    if (t.expectsReply()) {
      s.timeout = timer.newTimeout(s, responseTimeout(t).toNanos(), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  protected final Duration responseTimeout(Transaction<?> t) {
    Duration own = t.timeout();
    return own != null ? own : config.responseTimeout();
  }

  protected final RetryPolicy retryPolicy(Transaction<?> t) {
    RetryPolicy own = t.retryPolicy();
    return own != null ? own : config.retryPolicy();
  }

  /** Makes {@code next} the decoder for what arrives; another protocol's bytes still buffered are dropped. */
  protected final void receiveFor(Transaction<?> next, MeterState meter) {
    FrameDecoder<?> d = next.decoder();
    if (d != decoder) {
      decoder = d;
      resetAssembly();
    }
    receiving = meter;
  }

  protected final void resetAssembly() {
    if (cumulation != null) {
      cumulation.clear();
    }
  }

  // ---- receiving ----

  @Override
  public final void onData(ByteBuf data) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      lastReceivedNanos = System.nanoTime();
      if (config.trace() != null) {
        trace(FrameTrace.Direction.RECEIVED, data, data.readerIndex(), data.readableBytes());
      }
      if (decoder == null) {
        lineTally.garbageBytes += data.readableBytes();
      } else {
        if (cumulation == null) {
          cumulation = ByteBufAllocator.DEFAULT.buffer(Math.max(512, data.readableBytes()));
        }
        cumulation.writeBytes(data, data.readerIndex(), data.readableBytes());
        decodeAll();
        if (idleWatch != null) {
          idleWatch.bytesArrived();
        }
      }
      afterReceive();
    }
    deliverSettled();
  }

  /** Runs the decoder over what is buffered, counting what it skipped; under the lock. */
  private void decodeAll() {
    FrameDecoder<?> d = decoder;
    MeterState meter = receiving;
    long garbage = discarded(d);
    long bad = badChecksums(d);
    while (cumulation.isReadable() && d == decoder) {
      int before = cumulation.readerIndex();
      Object frame = d.decode(cumulation);
      if (frame != null) {
        frame(frame);
      } else if (cumulation.readerIndex() == before) {
        break;
      }
    }
    count(meter, discarded(d) - garbage, badChecksums(d) - bad);
    if (cumulation.isReadable()) {
      cumulation.discardSomeReadBytes();
    } else {
      cumulation.clear();
    }
  }

  private static long discarded(FrameDecoder<?> d) {
    return d instanceof DecoderCounters c ? c.discardedBytes() : 0;
  }

  private static long badChecksums(FrameDecoder<?> d) {
    return d instanceof DecoderCounters c ? c.checksumErrors() : 0;
  }

  private void count(MeterState meter, long garbage, long bad) {
    lineTally.garbageBytes += garbage;
    lineTally.badChecksums += bad;
    if (meter != null) {
      meter.tally.garbageBytes += garbage;
      meter.tally.badChecksums += bad;
    }
  }

  /** A decoded frame, valid during the call; under the lock. */
  protected abstract void frame(Object frame);

  /** Runs after a delivery of bytes was handled, under the lock. */
  protected void afterReceive() {}

  protected final void unmatched(MeterState meter) {
    lineTally.unmatchedFrames++;
    if (meter != null) {
      meter.tally.unmatchedFrames++;
    }
  }

  /** Asks {@code s} what {@code frame} means; a failure it throws settles it. Under the lock. */
  protected final Transaction.Verdict judge(Submission<?> s, Object frame) {
    try {
      return s.transaction.onFrame(frame);
    } catch (RuntimeException e) {
      finish(s, e);
      return null;
    }
  }

  // ---- timing out ----

  /** The response timer of {@code s} expired; from the timer thread. */
  final void timedOut(Submission<?> s, Timeout expired) {
    synchronized (lock) {
      if (!closed && s.timeout == expired && isOnWire(s)) {
        s.timeout = null;
        lineTally.timeouts++;
        s.meter.tally.timeouts++;
        onTimeout(s);
      }
    }
    deliverSettled();
  }

  protected abstract boolean isOnWire(Submission<?> s);

  /** Retries or fails {@code s}, whose response timer expired; under the lock. */
  protected abstract void onTimeout(Submission<?> s);

  /** Whether {@code s} may go again, counting the retry if so. */
  protected final boolean mayRetry(Submission<?> s) {
    Transaction<?> t = s.transaction;
    if (s.probe || !t.repeatable() || !retryPolicy(t).mayRetry(s.attempts, t.changesDevice())) {
      return false;
    }
    lineTally.retries++;
    s.meter.tally.retries++;
    return true;
  }

  protected final long backoffNanos(Submission<?> s) {
    return retryPolicy(s.transaction).backoff(s.attempts).toNanos();
  }

  protected final MeterTimeoutException timeoutFailure(Submission<?> s) {
    Transaction<?> t = s.transaction;
    return new MeterTimeoutException(t.meterId(), "no reply from " + t.meterId() + " within "
        + responseTimeout(t).toMillis() + " ms after " + s.attempts + " attempt(s) on " + link.name());
  }

  // ---- finishing ----

  /**
   * Ends {@code s}, in flight, with its result or {@code failure}; keeps the meter's back-off and latency. The
   * subclass removes it from the wire first. Under the lock.
   */
  protected void finish(Submission<?> s, Throwable failure) {
    cancelTimer(s);
    MeterState meter = s.meter;
    if (failure instanceof MeterTimeoutException) {
      meter.timeoutsInARow++;
      if (config.backOffAfter() > 0 && meter.timeoutsInARow >= config.backOffAfter()) {
        meter.backedOff = true;
        meter.nextProbeNanos = System.nanoTime() + config.probeInterval().toNanos();
      }
    } else if (!(failure instanceof LinkException)) {
      meter.timeoutsInARow = 0;
      meter.backedOff = false;
      if (failure == null) {
        long latency = System.nanoTime() - s.firstSentNanos;
        lineTally.latency.record(latency);
        meter.tally.latency.record(latency);
      }
    }
    settle(s, failure);
  }

  /**
   * Whether {@code s} may be sent now as its meter stands: a backed-off meter gets one probe per interval, and its
   * other transactions fail at once. Under the lock.
   */
  protected final boolean admit(Submission<?> s) {
    MeterState meter = s.meter;
    if (!meter.backedOff || s.probe) {
      return true;
    }
    long now = System.nanoTime();
    if (now - meter.nextProbeNanos >= 0) {
      meter.nextProbeNanos = now + config.probeInterval().toNanos();
      s.probe = true;
      return true;
    }
    settle(s, new MeterTimeoutException(meter.id, meter.id + " is backed off after " + meter.timeoutsInARow
        + " timed-out transaction(s) in a row; next probe in "
        + Duration.ofNanos(meter.nextProbeNanos - now).toMillis() + " ms"));
    return false;
  }

  protected static void cancelTimer(Submission<?> s) {
    if (s.timeout != null) {
      s.timeout.cancel();
      s.timeout = null;
    }
  }

  /** Records the outcome of {@code s}; its future completes once the lock is released. */
  protected final void settle(Submission<?> s, Throwable failure) {
    s.settle(failure);
    settled.addLast(s);
  }

  /** Completes the futures settled so far, outside the lock. Every entry point calls it last. */
  protected final void deliverSettled() {
    if (Thread.holdsLock(lock)) {
      return; // a write that failed at once, inside an entry point: that entry point delivers
    }
    while (true) {
      Submission<?> s;
      synchronized (lock) {
        s = settled.pollFirst();
      }
      if (s == null) {
        return;
      }
      s.deliver();
    }
  }

  // ---- link state and closing ----

  @Override
  public final void onClosed(Throwable cause) {
    synchronized (lock) {
      resetAssembly();
      failAll(cause == null ? "link " + link.name() + " closed" : "link " + link.name() + " dropped", cause);
    }
    deliverSettled();
  }

  /** Fails what is on the wire and queued with a {@link LinkException}; under the lock. */
  protected final void failAll(String message, Throwable cause) {
    List<Submission<?>> failed = new ArrayList<>();
    takeAll(failed::add);
    for (MeterState m : meters.values()) {
      m.drain(failed::add);
    }
    queued = 0;
    for (Submission<?> s : failed) {
      cancelTimer(s);
      settle(s, new LinkException(s.transaction.meterId(), message, cause));
    }
  }

  /** Hands every submission on the wire or waiting outside the meter queues to {@code sink}, and forgets them. */
  protected abstract void takeAll(Consumer<Submission<?>> sink);

  /** See {@link io.emms.bus.Line#close()}. */
  public final void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      failAll("line on " + link.name() + " closed", null);
      closed = true;
      if (cumulation != null) {
        cumulation.release();
        cumulation = null;
      }
    }
    link.setListener(data -> {});
    deliverSettled();
  }

  // ---- counters and trace ----

  /** A snapshot for the line ({@code meterId == null}) or one meter. */
  public final Counters counters(String meterId) {
    synchronized (lock) {
      if (meterId == null) {
        return lineTally.snapshot(queued);
      }
      MeterState m = meters.get(meterId);
      return m == null ? new Tally().snapshot(0) : m.tally.snapshot(m.queued);
    }
  }

  private void trace(FrameTrace.Direction direction, ByteBuf bytes, int from, int length) {
    String hex = ByteBufUtil.hexDump(bytes, from, length);
    StringBuilder spaced = new StringBuilder(length * 3);
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        spaced.append(' ');
      }
      spaced.append(hex, i, i + 2);
    }
    config.trace().trace(direction, Instant.now(), spaced.toString());
  }

  /**
   * Watches for silence while bytes form no frame yet, then lets the decoder end them ({@link
   * FrameDecoder#lineIdle}). At most one timer is armed; bytes arriving meanwhile only move the last-byte time.
   */
  private final class IdleWatch implements TimerTask {
    private final long gapNanos;
    private boolean armed;

    IdleWatch(long gapNanos) {
      this.gapNanos = gapNanos;
    }

    void bytesArrived() {
      if (!armed && cumulation != null && cumulation.isReadable()) {
        armed = true;
        timer.newTimeout(this, gapNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Timeout timeout) {
      synchronized (lock) {
        long silence = System.nanoTime() - lastReceivedNanos;
        if (!closed && silence < gapNanos) {
          timer.newTimeout(this, gapNanos - silence, TimeUnit.NANOSECONDS);
          return;
        }
        armed = false;
        if (!closed && decoder != null && cumulation != null && cumulation.isReadable()) {
          FrameDecoder<Object> d = (FrameDecoder<Object>) decoder;
          MeterState meter = receiving;
          long garbage = discarded(d);
          long bad = badChecksums(d);
          d.lineIdle(cumulation, idleFrames);
          if (cumulation != null && !cumulation.isReadable()) {
            cumulation.clear();
          }
          count(meter, discarded(d) - garbage, badChecksums(d) - bad);
          afterReceive();
        }
      }
      deliverSettled();
    }
  }
}
