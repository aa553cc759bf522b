package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One request and its reply (or replies, for follow-up reads) on the bus. The {@link Bus} sends the current
 * step, matches replies by address and function, and asks the exchange what a matching reply means.
 * Touched only under the bus lock.
 */
abstract class Exchange<T> {

  enum Verdict {
    /** Not the awaited reply after all (e.g. another DI): keep waiting, the timer keeps running. */
    IGNORE,
    /** A part of the answer: send the next step (a follow-up request). */
    NEXT,
    /** The answer is complete: {@link #result()} holds it. */
    DONE
  }

  final Dlt645Address target;
  final Dlt645Edition edition;
  final boolean changesMeter;
  final CompletableFuture<T> future = new CompletableFuture<>();
  Dlt645RetryPolicy retry;
  Duration timeout;
  int attempts;

  Exchange(Dlt645Address target, Dlt645Edition edition, boolean changesMeter) {
    this.target = target;
    this.edition = edition;
    this.changesMeter = changesMeter;
  }

  /** The function of the step to send now. */
  abstract Dlt645Function function();

  /** Writes the plain DATA of the step to send now. */
  abstract void writeData(ByteBuf plain);

  /**
   * Interprets a normal reply from the right address with the right function.
   *
   * @param assembly a buffer owned by the bus, free for this exchange until it is done
   */
  abstract Verdict onReply(Dlt645Frame reply, ByteBuf assembly);

  /** The answer, after {@link Verdict#DONE}. */
  abstract T result();

  /** Whether a reply is expected at all: broadcasts complete once written. */
  boolean expectsReply() {
    return !target.isBroadcast();
  }

  /** Whether the current step may be sent again after a timeout. */
  boolean repeatable() {
    return true;
  }

  /** Whether a frame from {@code replier} can answer this exchange. */
  boolean fromTarget(Dlt645Address replier) {
    // Exact for a plain address; a wildcard request is answered by a meter whose own address fits the pattern.
    return !target.isBroadcast() && target.matches(replier);
  }
}
