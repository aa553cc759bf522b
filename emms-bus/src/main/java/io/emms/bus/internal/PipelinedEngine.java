package io.emms.bus.internal;

import io.emms.bus.LineConfig;
import io.emms.bus.Transaction;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Up to {@link LineConfig#maxInFlight()} transactions on the wire, each in a slot of its transaction id; replies
 * find their transaction by the id they carry. Waiting transactions go out in order. While a write is on its way,
 * later requests collect in an outbox that the next write sends at once (unless writes are not batched).
 */
public final class PipelinedEngine extends LineEngine {

  private final Submission<?>[] slots;
  private final int slotMask;
  private final int maxInFlight;
  private final ArrayDeque<Submission<?>> waiting = new ArrayDeque<>();
  private int inFlight;
  private int nextTransactionId;
  private Transaction<?> lastSent;
  private boolean writing;
  private ByteBuf outbox;

  public PipelinedEngine(Link link, LineConfig config) {
    super(link, config);
    this.maxInFlight = config.maxInFlight();
    int size = Math.min(0x10000, Integer.highestOneBit(Math.max(8, maxInFlight) * 2 - 1) << 1);
    this.slots = new Submission<?>[size];
    this.slotMask = size - 1;
  }

  @Override
  protected void enqueue(Submission<?> s) {
    if (admit(s)) {
      waiting.addLast(s);
      queued++;
    }
  }

  @Override
  protected void dispatch() {
    while (inFlight < maxInFlight && !closed) {
      Submission<?> s = waiting.pollFirst();
      if (s == null) {
        return;
      }
      queued--;
      start(s);
    }
  }

  private void start(Submission<?> s) {
    receiveFor(s.transaction, null);
    s.transactionId = freeTransactionId();
    boolean batch = writing && config.batchWrites();
    ByteBuf out = batch ? outbox() : ByteBufAllocator.DEFAULT.buffer(64);
    if (!write(s, out)) {
      if (!batch) {
        out.release();
      }
      return;
    }
    lastSent = s.transaction;
    inFlight++;
    slots[s.transactionId & slotMask] = s;
    if (!batch) {
      writing = true;
      send(out);
    }
  }

  private ByteBuf outbox() {
    if (outbox == null) {
      outbox = ByteBufAllocator.DEFAULT.buffer(512);
    }
    return outbox;
  }

  private void send(ByteBuf frames) {
    link.write(frames).whenComplete((ok, error) -> written(error));
  }

  private void written(Throwable error) {
    ByteBuf next;
    synchronized (lock) {
      next = outbox;
      outbox = null;
      writing = next != null;
      if (error != null && !closed) {
        failAll("write to " + link.name() + " failed", error);
      }
    }
    if (next != null) {
      send(next);
    }
    deliverSettled();
  }

  private int freeTransactionId() {
    // Ids advance through all 65536 values, so a late reply rarely meets a reused id; a slot is always free
    // because the table has more slots than transactions may be in flight.
    while (slots[nextTransactionId & slotMask] != null) {
      nextTransactionId = (nextTransactionId + 1) & 0xFFFF;
    }
    int id = nextTransactionId;
    nextTransactionId = (nextTransactionId + 1) & 0xFFFF;
    return id;
  }

  /** Takes {@code s} off the wire if it is there. */
  private boolean land(Submission<?> s) {
    int slot = s.transactionId & slotMask;
    if (slots[slot] != s) {
      return false;
    }
    slots[slot] = null;
    inFlight--;
    return true;
  }

  @Override
  protected void frame(Object frame) {
    int id = lastSent == null ? -1 : lastSent.transactionIdOf(frame);
    Submission<?> s = id < 0 ? null : slots[id & slotMask];
    if (s == null || s.transactionId != id) {
      unmatched(null);
      return;
    }
    Transaction.Verdict verdict = judge(s, frame);
    if (verdict == null) {
      return;
    }
    switch (verdict) {
      case IGNORE -> unmatched(s.meter);
      case NEXT -> {
        cancelTimer(s);
        land(s);
        s.attempts = 0;
        start(s);
      }
      case DONE -> finish(s, null);
    }
  }

  @Override
  protected boolean isOnWire(Submission<?> s) {
    return slots[s.transactionId & slotMask] == s;
  }

  @Override
  protected void onTimeout(Submission<?> s) {
    if (!mayRetry(s)) {
      finish(s, timeoutFailure(s));
      return;
    }
    land(s);
    timer.newTimeout(t -> resend(s), backoffNanos(s), TimeUnit.NANOSECONDS);
    dispatch();
  }

  private void resend(Submission<?> s) {
    synchronized (lock) {
      if (closed) {
        settle(s, new LinkException(s.transaction.meterId(), "line on " + link.name() + " closed", null));
      } else {
        waiting.addFirst(s);
        queued++;
        dispatch();
      }
    }
    deliverSettled();
  }

  @Override
  protected void finish(Submission<?> s, Throwable failure) {
    land(s);
    super.finish(s, failure);
    dispatch();
  }

  @Override
  protected void takeAll(Consumer<Submission<?>> sink) {
    if (inFlight > 0) {
      for (int i = 0; i < slots.length; i++) {
        if (slots[i] != null) {
          sink.accept(slots[i]);
          slots[i] = null;
        }
      }
    }
    inFlight = 0;
    for (Submission<?> s = waiting.pollFirst(); s != null; s = waiting.pollFirst()) {
      sink.accept(s);
    }
  }
}
