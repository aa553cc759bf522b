package io.emms.transport.dtu.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The preamble stage of one DTU connection: waits for the registration (within a deadline, in a buffer no larger
 * than the longest registration), then takes heartbeats (and repeated registrations) out of the stream wherever
 * they are, and hands the protocol bytes to the owner's sink. Bytes at the end of a read that may start an in-band
 * packet wait for the next read, or for the hold-back time, before they are passed on. Runs on the channel's
 * event loop; one handler per channel.
 */
public final class DtuConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final int SHOWN_GARBAGE = 16;

  private final ConnectionOwner owner;
  private final Duration registrationDeadline;
  private final long holdBackNanos;
  private ByteBuf preamble;
  private ConnectionSink sink;
  private ExactBytes repeatedRegistration;
  private ByteBuf held;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> flush;
  private boolean rejected;
  private ConnectionEnd end = ConnectionEnd.CLOSED;
  private Throwable cause;

  public DtuConnectionHandler(ConnectionOwner owner, Duration registrationDeadline, Duration holdBack) {
    this.owner = owner;
    this.registrationDeadline = registrationDeadline;
    this.holdBackNanos = holdBack.toNanos();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    deadline = ctx.executor().schedule(
        () -> reject(ctx, "no registration within " + registrationDeadline),
        registrationDeadline.toNanos(), TimeUnit.NANOSECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      if (sink == null) {
        readPreamble(ctx, in);
      }
      if (sink != null && in.isReadable()) {
        filter(ctx, in);
      }
    } finally {
      in.release();
    }
  }

  private void readPreamble(ChannelHandlerContext ctx, ByteBuf in) {
    if (rejected) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int max = owner.maxRegistrationLength();
    if (preamble == null) {
      preamble = ctx.alloc().buffer(max, max);
    }
    preamble.writeBytes(in, Math.min(in.readableBytes(), max - preamble.readableBytes()));
    int length = owner.matchRegistration(preamble);
    if (length < 0 && preamble.readableBytes() < max) {
      return;
    }
    if (length <= 0) {
      reject(ctx, "not a registration: " + ByteBufUtil.hexDump(preamble, preamble.readerIndex(),
          Math.min(SHOWN_GARBAGE, preamble.readableBytes())));
      in.skipBytes(in.readableBytes());
      return;
    }
    register(ctx, length);
    if (sink == null) {
      in.skipBytes(in.readableBytes());
    }
  }

  private void register(ChannelHandlerContext ctx, int length) {
    deadline.cancel(false);
    String id = owner.registrationId(preamble, length);
    if (owner.registrationRepeats()) {
      repeatedRegistration = new ExactBytes(ByteBufUtil.getBytes(preamble, preamble.readerIndex(), length));
    }
    preamble.skipBytes(length);
    ByteBuf rest = preamble;
    preamble = null;
    try {
      sink = owner.registered(ctx.channel(), id);
      if (sink == null) {
        ctx.close();
      } else if (rest.isReadable()) {
        filter(ctx, rest);
      }
    } finally {
      rest.release();
    }
  }

  private void reject(ChannelHandlerContext ctx, String reason) {
    if (sink != null || rejected) {
      return;
    }
    rejected = true;
    owner.rejected(ctx.channel(), reason);
    ctx.close();
  }

  /** Passes {@code in}'s bytes on without its in-band packets; consumes {@code in}. */
  private void filter(ChannelHandlerContext ctx, ByteBuf in) {
    if (held == null) {
      scan(ctx, in);
      return;
    }
    flush.cancel(false);
    ByteBuf joined = ctx.alloc().buffer(held.readableBytes() + in.readableBytes());
    joined.writeBytes(held).writeBytes(in);
    held.release();
    held = null;
    try {
      scan(ctx, joined);
    } finally {
      joined.release();
    }
  }

  private void scan(ChannelHandlerContext ctx, ByteBuf buf) {
    int start = buf.readerIndex();
    int end = buf.writerIndex();
    int i = start;
    while (i < end) {
      int match = matchInBand(buf, i);
      if (match > 0) {
        pass(buf, start, i - start);
        i += match;
        start = i;
      } else if (match == ExactBytes.PARTIAL) {
        pass(buf, start, i - start);
        hold(ctx, buf, i, end - i);
        buf.readerIndex(end);
        return;
      } else {
        i++;
      }
    }
    pass(buf, start, end - start);
    buf.readerIndex(end);
  }

  /** A whole in-band packet wins over a partial one that starts at the same place. */
  private int matchInBand(ByteBuf buf, int index) {
    int heartbeat = owner.matchHeartbeat(buf, index);
    if (heartbeat > 0) {
      owner.heartbeatSeen();
      return heartbeat;
    }
    int registration = repeatedRegistration == null ? ExactBytes.NONE : repeatedRegistration.matchAt(buf, index);
    if (registration > 0) {
      return registration;
    }
    return heartbeat == ExactBytes.PARTIAL || registration == ExactBytes.PARTIAL ? ExactBytes.PARTIAL
        : ExactBytes.NONE;
  }

  private void pass(ByteBuf buf, int from, int length) {
    if (length > 0) {
      sink.data(buf.retainedSlice(from, length));
    }
  }

  private void hold(ChannelHandlerContext ctx, ByteBuf buf, int from, int length) {
    held = ctx.alloc().buffer(length);
    held.writeBytes(buf, from, length);
    flush = ctx.executor().schedule(this::flushHeld, holdBackNanos, TimeUnit.NANOSECONDS);
  }

  /** The held bytes were not an in-band packet after all. */
  private void flushHeld() {
    if (held != null && sink != null) {
      ByteBuf bytes = held;
      held = null;
      sink.data(bytes);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (!(event instanceof IdleStateEvent)) {
      ctx.fireUserEventTriggered(event);
    } else if (sink == null) {
      reject(ctx, "silent before registering");
    } else {
      end = ConnectionEnd.IDLE;
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
    if (end == ConnectionEnd.CLOSED) {
      end = ConnectionEnd.FAILED;
      cause = error;
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (flush != null) {
      flush.cancel(false);
    }
    release();
    if (sink != null) {
      sink.ended(end, cause);
    }
    ctx.fireChannelInactive();
  }

  private void release() {
    if (preamble != null) {
      preamble.release();
      preamble = null;
    }
    if (held != null) {
      held.release();
      held = null;
    }
  }
}
