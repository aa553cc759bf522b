package io.emms.bus;

import io.emms.core.link.FrameDecoder;
import io.emms.core.meter.MeterException;
import io.netty.buffer.ByteBuf;
import java.time.Duration;

/**
 * One protocol exchange with one meter, as a {@link Line} runs it: the line asks the transaction to write its
 * request, feeds the bytes that come back to the transaction's {@link #decoder()} and offers each decoded frame to
 * {@link #onFrame}, whose {@link Verdict} says whether it was the answer.
 *
 * <p>A transaction may take several steps (DL/T 645 follow-up reads): {@link Verdict#NEXT} makes the line write
 * {@link #writeRequest} again, for the next step, before anything else goes on the wire. The line calls a
 * transaction from one thread at a time and never concurrently, so implementations need no locking; frames handed
 * to {@link #onFrame} are valid only during the call.
 *
 * @param <R> the result
 */
public interface Transaction<R> {

  /** What a decoded frame means to the transaction on the wire. */
  enum Verdict {
    /** Not the awaited reply (another address, a late reply): keep waiting, the response timer keeps running. */
    IGNORE,
    /** A part of the answer: write the next step now. */
    NEXT,
    /** The answer is complete: {@link #result()} holds it. */
    DONE
  }

  /**
   * The meter this transaction talks to, e.g. {@code dlt645:000102030425} or {@code modbus:17}: the unit of
   * round-robin fairness, back-off and per-meter counters.
   */
  String meterId();

  /** How urgent it is; {@link Priority#ON_DEMAND} unless said otherwise. */
  default Priority priority() {
    return Priority.ON_DEMAND;
  }

  /**
   * The frame decoder of this transaction's protocol. Transactions of one client share one decoder instance; when
   * the line switches to another decoder it drops bytes buffered for the previous one.
   */
  FrameDecoder<?> decoder();

  /**
   * Writes the request of the current step, framed and ready for the wire.
   *
   * @param transactionId the id a {@linkplain Line#pipelined pipelined} line assigned (0..65535) for the frame to
   *     carry; 0 on a half-duplex line
   */
  void writeRequest(ByteBuf out, int transactionId);

  /**
   * Judges a frame the decoder produced while this transaction is on the wire. Throwing a {@link MeterException}
   * (a malformed answer, an error reply) fails the transaction with it.
   */
  Verdict onFrame(Object frame);

  /**
   * On a pipelined line: the transaction id {@code frame} carries, to find the transaction it answers; -1 when it
   * carries none. Half-duplex lines never ask.
   */
  default int transactionIdOf(Object frame) {
    return -1;
  }

  /** The answer, once {@link #onFrame} said {@link Verdict#DONE}; {@code null} for a request that gets no reply. */
  R result();

  /** Whether a reply is expected at all; a broadcast completes once written. */
  default boolean expectsReply() {
    return true;
  }

  /** Whether the current step may be sent again after a timeout (a 1997 follow-up read, for one, may not). */
  default boolean repeatable() {
    return true;
  }

  /** Whether the request changes the device (writes, relay, clears): repeated only if the retry policy says so. */
  boolean changesDevice();

  /** The response timeout of this transaction, or {@code null} for the line's. */
  default Duration timeout() {
    return null;
  }

  /** The retry policy of this transaction, or {@code null} for the line's. */
  default RetryPolicy retryPolicy() {
    return null;
  }

  /**
   * Lets a protocol present a failure of the line (a {@link io.emms.core.meter.MeterTimeoutException}, a {@link
   * io.emms.core.link.LinkException}, a {@link QueueFullException}) as its own subtype; the default keeps it.
   */
  default MeterException failure(MeterException failure) {
    return failure;
  }
}
