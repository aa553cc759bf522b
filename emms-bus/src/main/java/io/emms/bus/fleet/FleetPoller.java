package io.emms.bus.fleet;

import io.emms.bus.FrameTrace;
import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.LinkException;
import io.emms.core.reading.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls a {@link Fleet}: one {@link Line} per fleet line (half-duplex or pipelined, as the line says), one
 * {@link MeterSession} per protocol on it, and every meter read on its own interval through its line's scheduler.
 * A poll still running when the meter's next one is due makes that one skipped, so a slow line never piles up
 * work. Readings and failures go to a {@link FleetListener}, one call at a time.
 *
 * <pre>{@code
 * try (FleetPoller poller = FleetPoller.open(FleetFile.read(path), listener, false)) {
 *   poller.pollOnce().join();                  // or poller.start(), and later close()
 *   FleetSummary summary = poller.summary();
 * }
 * }</pre>
 */
public final class FleetPoller implements AutoCloseable {

  /** How long {@link #open} waits for a link to open before it lets the line's polls fail. */
  private static final Duration OPEN_WAIT = Duration.ofSeconds(10);

  private final FleetListener listener;
  private final ScheduledExecutorService executor;
  private final List<PolledLine> lines = new ArrayList<>();
  private final Map<String, PolledMeter> meters = new HashMap<>();
  private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private record PolledLine(FleetLine fleetLine, ConfiguredLink link, Line line, Map<String, MeterSession> sessions) {}

  /** A meter's session and tallies. Tallies change on the poller's thread only; they are read for summaries. */
  private static final class PolledMeter {
    final MeterEndpoint endpoint;
    final PolledLine line;
    final MeterSession session;
    final AtomicLong polls = new AtomicLong();
    final AtomicLong valid = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    PolledMeter(MeterEndpoint endpoint, PolledLine line) {
      this.endpoint = endpoint;
      this.line = line;
      this.session = line.sessions().get(endpoint.protocol());
    }
  }

  private FleetPoller(FleetListener listener) {
    this.listener = listener;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emms-fleet-poller");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Makes the links, lines and sessions of {@code fleet} and opens the links, waiting for each up to 10 s; a link
   * that does not open is reported to {@link FleetListener#onLineDown} and its meters' polls fail until it opens
   * (a TCP link keeps reconnecting on its own).
   *
   * @param traceFrames whether to hand every frame to {@link FleetListener#onFrame}
   */
  public static FleetPoller open(Fleet fleet, FleetListener listener, boolean traceFrames) {
    Objects.requireNonNull(fleet, "fleet");
    FleetPoller poller = new FleetPoller(Objects.requireNonNull(listener, "listener"));
    try {
      for (FleetLine fleetLine : fleet.lines()) {
        poller.lines.add(poller.openLine(fleetLine, traceFrames));
      }
      for (PolledLine line : poller.lines) {
        awaitOpen(line).exceptionally(failure -> {
          poller.executor.execute(() -> listener.onLineDown(line.fleetLine(), failure));
          return null;
        }).join();
      }
    } catch (RuntimeException e) {
      poller.close();
      throw e;
    }
    return poller;
  }

  private PolledLine openLine(FleetLine fleetLine, boolean traceFrames) {
    ConfiguredLink link = fleetLine.createLink();
    LineConfig config = fleetLine.lineConfig(link);
    if (traceFrames) {
      FrameTrace trace = (direction, time, hex) ->
          executor.execute(() -> listener.onFrame(fleetLine, direction, time, hex));
      config = config.toBuilder().trace(trace).build();
    }
    Line line = fleetLine.scheduling() == Scheduling.PIPELINED
        ? Line.pipelined(link.link(), config)
        : Line.halfDuplex(link.link(), config);
    Map<String, MeterSession> sessions = new HashMap<>();
    for (MeterProtocol protocol : fleetLine.protocols()) {
      sessions.put(protocol.name(), protocol.open(line, link));
    }
    PolledLine polled = new PolledLine(fleetLine, link, line, sessions);
    for (MeterEndpoint meter : fleetLine.meters()) {
      meters.put(meter.id(), new PolledMeter(meter, polled));
    }
    return polled;
  }

  private static CompletableFuture<Void> awaitOpen(PolledLine line) {
    return line.link().link().open()
        .orTimeout(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
            unwrap(failure) instanceof TimeoutException
                ? new LinkException(line.link().link().name() + " did not open within " + OPEN_WAIT)
                : unwrap(failure)));
  }

  /** Polls every meter once; completes when every poll has answered or failed and its listener call is done. */
  public CompletableFuture<Void> pollOnce() {
    List<CompletableFuture<Void>> polls = new ArrayList<>();
    for (PolledLine line : lines) {
      for (MeterEndpoint meter : line.fleetLine().meters()) {
        polls.add(CompletableFuture.supplyAsync(() -> poll(meters.get(meter.id())), executor).thenCompose(p -> p));
      }
    }
    return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new));
  }

  /** Polls every meter on its interval, the first poll at once, until {@link #close()}. */
  public FleetPoller start() {
    for (PolledMeter meter : meters.values()) {
      long interval = meter.endpoint.pollInterval().toNanos();
      schedules.add(executor.scheduleAtFixedRate(() -> {
        if (meter.running.isDone()) {
          poll(meter);
        } else {
          meter.skipped.incrementAndGet();
        }
      }, 0, interval, TimeUnit.NANOSECONDS));
    }
    return this;
  }

  private CompletableFuture<Void> poll(PolledMeter meter) {
    meter.polls.incrementAndGet();
    CompletableFuture<List<Reading>> read;
    try {
      read = meter.session.read(meter.endpoint, meter.endpoint.quantitiesToRead());
    } catch (RuntimeException e) {
      read = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> done = read.handleAsync((readings, failure) -> {
      if (failure != null) {
        meter.failures.incrementAndGet();
        listener.onFailure(meter.endpoint, unwrap(failure));
      } else {
        readings.forEach(r -> (r.hasValue() ? meter.valid : meter.missing).incrementAndGet());
        listener.onReadings(meter.endpoint, readings);
      }
      return null;
    }, executor);
    meter.running = done;
    return done;
  }

  /** What the poller did so far, with the lines' counters. */
  public FleetSummary summary() {
    List<FleetSummary.LineSummary> lineSummaries = new ArrayList<>();
    List<FleetSummary.MeterSummary> meterSummaries = new ArrayList<>();
    for (PolledLine line : lines) {
      lineSummaries.add(new FleetSummary.LineSummary(
          line.fleetLine().id(), line.link().link().name(), line.link().link().isOpen(), line.line().counters()));
      for (MeterEndpoint endpoint : line.fleetLine().meters()) {
        PolledMeter m = meters.get(endpoint.id());
        meterSummaries.add(new FleetSummary.MeterSummary(endpoint.id(), line.fleetLine().id(), m.polls.get(),
            m.valid.get(), m.missing.get(), m.failures.get(), m.skipped.get(),
            line.line().counters(m.session.lineMeterId(endpoint))));
      }
    }
    return new FleetSummary(lineSummaries, meterSummaries);
  }

  /**
   * Stops polling, lets the listener calls already queued run, and closes the sessions, lines and links. Polls on
   * the wire fail with a {@link io.emms.core.link.LinkException}, which the listener no longer sees.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    schedules.forEach(s -> s.cancel(false));
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (PolledLine line : lines) {
      line.sessions().values().forEach(MeterSession::close);
      line.line().close();
      line.link().link().closeAsync().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
