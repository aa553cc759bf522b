package io.emms.bus.internal;

import io.emms.bus.Priority;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** One meter as a line sees it: its queues by priority, its counters and its back-off; guarded by the line's lock. */
final class MeterState {

  private static final Priority[] PRIORITIES = Priority.values();

  final String id;
  final Tally tally = new Tally();
  @SuppressWarnings("unchecked")
  private final ArrayDeque<Submission<?>>[] queues = new ArrayDeque[PRIORITIES.length];
  int queued;
  int timeoutsInARow;
  boolean backedOff;
  long nextProbeNanos;
  boolean inRing;

  MeterState(String id) {
    this.id = id;
    for (int i = 0; i < queues.length; i++) {
      queues[i] = new ArrayDeque<>();
    }
  }

  void add(Submission<?> s) {
    queues[s.transaction.priority().ordinal()].addLast(s);
    queued++;
  }

  void addFirst(Submission<?> s) {
    queues[s.transaction.priority().ordinal()].addFirst(s);
    queued++;
  }

  boolean has(Priority p) {
    return !queues[p.ordinal()].isEmpty();
  }

  Submission<?> poll(Priority p) {
    Submission<?> s = queues[p.ordinal()].pollFirst();
    if (s != null) {
      queued--;
    }
    return s;
  }

  /** Removes and hands every queued transaction to {@code sink}. */
  void drain(Consumer<Submission<?>> sink) {
    for (ArrayDeque<Submission<?>> queue : queues) {
      for (Submission<?> s = queue.pollFirst(); s != null; s = queue.pollFirst()) {
        sink.accept(s);
      }
    }
    queued = 0;
  }
}
