package io.emms.dlt645.client;

import io.emms.bus.Priority;
import io.emms.bus.RetryPolicy;
import io.emms.bus.Transaction;
import io.emms.core.link.FrameDecoder;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;
import java.time.Duration;

/**
 * One DL/T 645 request and its reply (or replies, for follow-up reads) as a line {@link Transaction}: it encodes
 * the current step, matches replies by address and function, turns error replies into {@link
 * Dlt645ErrorReplyException}, and asks the subclass what a matching reply means.
 */
abstract class Exchange<T> implements Transaction<T> {

  final Dlt645Address target;
  final Dlt645Edition edition;
  final boolean changesMeter;
  private final Dlt645Wire wire;
  private final String meterId;
  private Priority priority = Priority.ON_DEMAND;
  private RetryPolicy retry;
  private Duration timeout;

  Exchange(Dlt645Wire wire, Dlt645Address target, Dlt645Edition edition, boolean changesMeter) {
    this.wire = wire;
    this.target = target;
    this.edition = edition;
    this.changesMeter = changesMeter;
    this.meterId = target.toString();
  }

  /** The function of the step to send now. */
  abstract Dlt645Function function();

  /** Writes the plain DATA of the step to send now. */
  abstract void writeData(ByteBuf plain);

  /**
   * Interprets a normal reply from the right address with the right function.
   *
   * @param assembly a buffer of the client, free for this exchange until it is done
   */
  abstract Verdict onReply(Dlt645Frame reply, ByteBuf assembly);

  Exchange<T> priority(Priority priority) {
    this.priority = priority;
    return this;
  }

  /** Overrides the client's retry policy and timeout (discovery probes: once, briefly). */
  Exchange<T> patience(RetryPolicy retry, Duration timeout) {
    this.retry = retry;
    this.timeout = timeout;
    return this;
  }

  @Override
  public final String meterId() {
    return meterId;
  }

  @Override
  public final Priority priority() {
    return priority;
  }

  @Override
  public final FrameDecoder<?> decoder() {
    return wire.decoder;
  }

  @Override
  public final void writeRequest(ByteBuf out, int transactionId) {
    ByteBuf plain = wire.plain.clear();
    writeData(plain);
    out.ensureWritable(wire.encoder.encodedLength(plain.readableBytes()));
    wire.encoder.encode(target, Dlt645Control.request(function(), edition), plain, out);
  }

  @Override
  public final Verdict onFrame(Object frame) {
    Dlt645Frame reply = (Dlt645Frame) frame;
    if (!reply.isResponse() || reply.functionBits() != function().code(edition) || !fromTarget(reply.address())) {
      return Verdict.IGNORE;
    }
    if (reply.isErrorReply()) {
      throw Dlt645ErrorReplyException.of(reply, edition);
    }
    return onReply(reply, wire.assembly);
  }

  @Override
  public final boolean changesDevice() {
    return changesMeter;
  }

  @Override
  public final Duration timeout() {
    return timeout != null ? timeout : wire.timeout;
  }

  @Override
  public final RetryPolicy retryPolicy() {
    return retry != null ? retry : wire.retry;
  }

  /** Whether a reply is expected at all: broadcasts complete once written. */
  @Override
  public boolean expectsReply() {
    return !target.isBroadcast();
  }

  /** Whether a frame from {@code replier} can answer this exchange. */
  private boolean fromTarget(Dlt645Address replier) {
    // Exact for a plain address; a wildcard request is answered by a meter whose own address fits the pattern.
    return !target.isBroadcast() && target.matches(replier);
  }
}
