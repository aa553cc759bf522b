package io.emms.dlt645.client;

import io.emms.core.link.FrameAssembler;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.dlt645.codec.Dlt645CodecConfig;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645FrameDecoder;
import io.emms.dlt645.codec.Dlt645FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master side of one half-duplex bus: a queue of exchanges with one in flight, response timers, retries with
 * back-off, and the quiet gap between frames. Replies are matched on the link's I/O thread; futures complete on
 * the configured executor.
 */
final class Bus {

  private static final Logger log = LoggerFactory.getLogger(Bus.class);

  private final Link link;
  private final Dlt645ClientConfig config;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final Dlt645FrameEncoder encoder;
  private final Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
  private final FrameAssembler<Dlt645Frame> assembler;
  private final long interFrameNanos;

  private final Object lock = new Object();
  private final ArrayDeque<Exchange<?>> queue = new ArrayDeque<>();
  private final ByteBuf plain = ByteBufAllocator.DEFAULT.buffer(64);
  private final ByteBuf assembly = ByteBufAllocator.DEFAULT.buffer(256);
  private Exchange<?> current;
  private boolean awaiting;
  private boolean pumping;
  private boolean pumpScheduled;
  private boolean closed;
  private long generation;
  private ScheduledFuture<?> timer;
  private long quietUntil;

  private long requests;
  private long retries;
  private long timeouts;
  private long ignoredFrames;

  // Guards the assembler: the link thread feeds it while close() releases it.
  private final Object assemblerLock = new Object();
  private boolean assemblerClosed;

  Bus(Link link, Dlt645ClientConfig config, ScheduledExecutorService scheduler) {
    this.link = link;
    this.config = config;
    this.scheduler = scheduler;
    this.executor = config.executor();
    this.encoder = new Dlt645FrameEncoder(Dlt645CodecConfig.builder().wakeUpBytes(config.feCount()).build());
    this.interFrameNanos = config.interFrameDelay().toNanos();
    this.assembler = new FrameAssembler<>(decoder, this::onFrame, new LinkListener() {
      @Override
      public void onData(ByteBuf data) {}

      @Override
      public void onClosed(Throwable cause) {
        linkClosed(cause);
      }
    });
    link.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        synchronized (assemblerLock) {
          if (!assemblerClosed) {
            assembler.onData(data);
          }
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        synchronized (assemblerLock) {
          if (!assemblerClosed) {
            assembler.onClosed(cause);
          }
        }
      }
    });
  }

  <T> CompletableFuture<T> submit(Exchange<T> exchange) {
    if (exchange.retry == null) {
      exchange.retry = config.retry();
    }
    if (exchange.timeout == null) {
      exchange.timeout = config.responseTimeout();
    }
    synchronized (lock) {
      if (closed) {
        exchange.future.completeExceptionally(new LinkException("DL/T 645 client is closed"));
        return exchange.future;
      }
      queue.add(exchange);
      pump();
    }
    return exchange.future;
  }

  /** Starts queued exchanges while the bus is free; never recurses (sends may complete synchronously). */
  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      while (current == null && !queue.isEmpty() && !closed) {
        long wait = quietUntil - System.nanoTime();
        if (interFrameNanos > 0 && wait > 0) {
          if (!pumpScheduled) {
            pumpScheduled = true;
            scheduler.schedule(this::scheduledPump, wait, TimeUnit.NANOSECONDS);
          }
          return;
        }
        current = queue.poll();
        transmit(current);
      }
    } finally {
      pumping = false;
    }
  }

  private void scheduledPump() {
    synchronized (lock) {
      pumpScheduled = false;
      pump();
    }
  }

  private void transmit(Exchange<?> exchange) {
    exchange.attempts++;
    requests++;
    plain.clear();
    ByteBuf out;
    try {
      exchange.writeData(plain);
      out = ByteBufAllocator.DEFAULT.buffer(encoder.encodedLength(plain.readableBytes()));
      try {
        encoder.encode(exchange.target, Dlt645Control.request(exchange.function(), exchange.edition), plain, out);
      } catch (RuntimeException e) {
        out.release();
        throw e;
      }
    } catch (RuntimeException e) {
      finish(exchange, e);
      return;
    }
    long sent = ++generation;
    awaiting = exchange.expectsReply();
    if (awaiting) {
      timer = scheduler.schedule(() -> onTimeout(sent), exchange.timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    link.write(out).whenComplete((ok, error) -> written(exchange, sent, error));
  }

  private void written(Exchange<?> exchange, long sent, Throwable error) {
    synchronized (lock) {
      if (current != exchange || generation != sent) {
        return;
      }
      if (error != null) {
        finish(exchange, error instanceof LinkException ? error : new LinkException("write failed", error));
      } else if (!exchange.expectsReply()) {
        finish(exchange, null);
      }
    }
  }

  private void onFrame(Dlt645Frame frame) {
    synchronized (lock) {
      Exchange<?> exchange = current;
      if (exchange == null || !awaiting || !matches(exchange, frame)) {
        ignoredFrames++;
        return;
      }
      if (frame.isErrorReply()) {
        finish(exchange, Dlt645ErrorReplyException.of(frame, exchange.edition));
        return;
      }
      Exchange.Verdict verdict;
      try {
        verdict = exchange.onReply(frame, assembly);
      } catch (RuntimeException e) {
        finish(exchange, e);
        return;
      }
      switch (verdict) {
        case IGNORE -> ignoredFrames++;
        case NEXT -> nextStep(exchange);
        case DONE -> finish(exchange, null);
      }
    }
  }

  private static boolean matches(Exchange<?> exchange, Dlt645Frame frame) {
    return frame.isResponse()
        && frame.functionBits() == exchange.function().code(exchange.edition)
        && exchange.fromTarget(frame.address());
  }

  private void nextStep(Exchange<?> exchange) {
    cancelTimer();
    awaiting = false;
    exchange.attempts = 0;
    long step = ++generation;
    if (interFrameNanos > 0) {
      scheduler.schedule(() -> resend(step), interFrameNanos, TimeUnit.NANOSECONDS);
    } else {
      transmit(exchange);
    }
  }

  private void onTimeout(long sent) {
    synchronized (lock) {
      if (sent != generation || current == null || !awaiting) {
        return;
      }
      timeouts++;
      awaiting = false;
      Exchange<?> exchange = current;
      if (exchange.repeatable() && exchange.retry.mayRetry(exchange.attempts, exchange.changesMeter)) {
        retries++;
        Duration backoff = exchange.retry.backoff(exchange.attempts);
        long retry = ++generation;
        log.debug("no reply from {} to {}, retry {} in {}", exchange.target, exchange.function(),
            exchange.attempts, backoff);
        scheduler.schedule(() -> resend(retry), backoff.toNanos(), TimeUnit.NANOSECONDS);
      } else {
        finish(exchange, new MeterTimeoutException(exchange.target.toString(),
            "no reply to " + exchange.function() + " within " + exchange.timeout + " after "
                + exchange.attempts + " attempt(s)"));
      }
    }
  }

  private void resend(long step) {
    synchronized (lock) {
      if (step == generation && current != null && !closed) {
        transmit(current);
      }
    }
  }

  private void linkClosed(Throwable cause) {
    synchronized (lock) {
      if (current != null && awaiting) {
        finish(current, new LinkException("link " + link.name() + " closed", cause));
      }
    }
  }

  /** Completes the current exchange with its result or {@code error}, and frees the bus. */
  private void finish(Exchange<?> exchange, Throwable error) {
    cancelTimer();
    awaiting = false;
    generation++;
    if (current == exchange) {
      current = null;
    }
    quietUntil = System.nanoTime() + interFrameNanos;
    complete(exchange, error);
    pump();
  }

  private <T> void complete(Exchange<T> exchange, Throwable error) {
    if (error != null) {
      executor.execute(() -> exchange.future.completeExceptionally(error));
    } else {
      T result = exchange.result();
      executor.execute(() -> exchange.future.complete(result));
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  Dlt645ClientStats stats() {
    synchronized (lock) {
      return new Dlt645ClientStats(requests, retries, timeouts, ignoredFrames, decoder.droppedBytes(),
          decoder.badFrames());
    }
  }

  /** Fails what is queued or in flight and releases the buffers; the link is left as it is. */
  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      cancelTimer();
      LinkException cause = new LinkException("DL/T 645 client closed");
      if (current != null) {
        complete(current, cause);
        current = null;
      }
      for (Exchange<?> queued : queue) {
        complete(queued, cause);
      }
      queue.clear();
      plain.release();
      assembly.release();
    }
    link.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {}
    });
    synchronized (assemblerLock) {
      assemblerClosed = true;
      assembler.close();
    }
  }
}
