package io.emms.bus.internal;

import io.emms.bus.Transaction;
import io.emms.core.meter.MeterException;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted transaction with the line's bookkeeping; it is also the future the caller holds and the task of its
 * response timer, so that a submission costs one object besides the transaction. Fields are guarded by the line's
 * lock; the future completes outside it.
 */
final class Submission<R> extends CompletableFuture<R> implements TimerTask {

  final Transaction<R> transaction;
  final MeterState meter;
  private final LineEngine engine;
  int attempts;
  int transactionId;
  boolean probe;
  long firstSentNanos;
  Timeout timeout;
  private R result;
  private Throwable error;

  Submission(LineEngine engine, Transaction<R> transaction, MeterState meter) {
    this.engine = engine;
    this.transaction = transaction;
    this.meter = meter;
  }

  @Override
  public void run(Timeout expired) {
    engine.timedOut(this, expired);
  }

  /** Takes the outcome under the lock: the transaction's result, or {@code failure}. */
  void settle(Throwable failure) {
    if (failure == null) {
      result = transaction.result();
    } else {
      error = failure instanceof MeterException m ? transaction.failure(m) : failure;
    }
  }

  /** Completes the future; called outside the lock. */
  void deliver() {
    if (error != null) {
      completeExceptionally(error);
    } else {
      complete(result);
    }
  }
}
