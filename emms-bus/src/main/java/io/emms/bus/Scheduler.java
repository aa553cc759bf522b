package io.emms.bus;

import java.util.concurrent.CompletableFuture;

/**
 * Decides when a submitted transaction goes on the wire. A {@link Line} is one; it runs either the half-duplex or
 * the pipelined discipline.
 */
public interface Scheduler {

  /**
   * Queues a transaction. The future completes with its result, or fails with a {@link
   * io.emms.core.meter.MeterException} subtype (as {@link Transaction#failure} presents it): {@link
   * io.emms.core.meter.MeterTimeoutException} after the retries, {@link io.emms.core.link.LinkException} when the
   * link drops or the line closes, {@link QueueFullException} at once when the queue is full, whatever the
   * transaction threw for a refusal. Futures complete on the link's I/O thread or the timer thread: chain blocking
   * work onto another executor.
   */
  <R> CompletableFuture<R> submit(Transaction<R> transaction);
}
