package io.emms.bus.internal;

import io.emms.bus.LineConfig;
import io.emms.bus.Priority;
import io.emms.bus.Transaction;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.TimerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One transaction on the wire at a time. The next one is chosen by priority, then round-robin across meters, and
 * goes out once the line has been quiet for the configured gap since the last byte received.
 */
public final class HalfDuplexEngine extends LineEngine {

  private static final Priority[] PRIORITIES = Priority.values();

  /** Meters in the order they first had work: the round-robin ring. */
  private final List<MeterState> ring = new ArrayList<>();
  private final TimerTask gapEnded = t -> runDispatch();
  private int lastServed = -1;
  private Submission<?> current;
  private boolean awaiting;
  private boolean dispatching;
  private boolean gapTimerArmed;
  /** Until when the line must stay quiet, besides the gap after the last byte received. */
  private long quietUntil;
  private final long gapNanos;

  public HalfDuplexEngine(Link link, LineConfig config) {
    super(link, config);
    this.gapNanos = config.quietGap().toNanos();
  }

  @Override
  protected void enqueue(Submission<?> s) {
    if (!admit(s)) {
      return;
    }
    MeterState meter = s.meter;
    if (!meter.inRing) {
      meter.inRing = true;
      ring.add(meter);
    }
    meter.add(s);
    queued++;
  }

  @Override
  protected void dispatch() {
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      while (current == null && queued > 0 && !closed) {
        long wait = Math.max(quietUntil, lastReceivedNanos + gapNanos) - System.nanoTime();
        if (gapNanos > 0 && wait > 0) {
          if (!gapTimerArmed) {
            gapTimerArmed = true;
            timer.newTimeout(gapEnded, wait, TimeUnit.NANOSECONDS);
          }
          return;
        }
        Submission<?> next = next();
        if (next != null && admit(next)) {
          current = next;
          transmit(next);
        }
      }
    } finally {
      dispatching = false;
    }
  }

  private void runDispatch() {
    synchronized (lock) {
      gapTimerArmed = false;
      dispatch();
    }
    deliverSettled();
  }

  /** The first waiting transaction of the highest priority, taking meters in turn after the one served last. */
  private Submission<?> next() {
    int n = ring.size();
    for (Priority p : PRIORITIES) {
      for (int i = 1; i <= n; i++) {
        int index = (lastServed + i) % n;
        MeterState meter = ring.get(index);
        if (meter.has(p)) {
          lastServed = index;
          queued--;
          return meter.poll(p);
        }
      }
    }
    return null;
  }

  private void transmit(Submission<?> s) {
    receiveFor(s.transaction, s.meter);
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer(64);
    if (!write(s, out)) {
      out.release();
      current = null;
      return;
    }
    awaiting = s.transaction.expectsReply();
    link.write(out).whenComplete((ok, error) -> written(s, error));
  }

  private void written(Submission<?> s, Throwable error) {
    synchronized (lock) {
      if (current == s && !closed) {
        if (error != null) {
          finish(s, error instanceof LinkException ? error
              : new LinkException(s.transaction.meterId(), "write to " + link.name() + " failed", error));
        } else if (!s.transaction.expectsReply()) {
          finish(s, null);
        }
      }
    }
    deliverSettled();
  }

  @Override
  protected void frame(Object frame) {
    Submission<?> s = current;
    if (s == null || !awaiting) {
      unmatched(null);
      return;
    }
    Transaction.Verdict verdict = judge(s, frame);
    if (verdict == null) {
      return;
    }
    switch (verdict) {
      case IGNORE -> unmatched(s.meter);
      case NEXT -> nextStep(s);
      case DONE -> finish(s, null);
    }
  }

  private void nextStep(Submission<?> s) {
    cancelTimer(s);
    awaiting = false;
    s.attempts = 0;
    sendAgainAfter(s, gapNanos);
  }

  /** Sends the current step of {@code s}, which keeps the line, after {@code delayNanos}. */
  private void sendAgainAfter(Submission<?> s, long delayNanos) {
    if (delayNanos <= 0) {
      transmit(s);
      return;
    }
    timer.newTimeout(t -> {
      synchronized (lock) {
        if (current == s && !awaiting && !closed) {
          transmit(s);
        }
      }
      deliverSettled();
    }, delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  protected boolean isOnWire(Submission<?> s) {
    return current == s && awaiting;
  }

  @Override
  protected void onTimeout(Submission<?> s) {
    awaiting = false;
    resetAssembly();
    if (mayRetry(s)) {
      sendAgainAfter(s, Math.max(backoffNanos(s), gapNanos));
    } else {
      finish(s, timeoutFailure(s));
    }
  }

  @Override
  protected void finish(Submission<?> s, Throwable failure) {
    awaiting = false;
    if (current == s) {
      current = null;
    }
    super.finish(s, failure);
    if (!s.transaction.expectsReply()) {
      quietUntil = System.nanoTime() + gapNanos;
    }
    dispatch();
  }

  @Override
  protected void takeAll(Consumer<Submission<?>> sink) {
    if (current != null) {
      sink.accept(current);
      current = null;
    }
    awaiting = false;
  }
}
