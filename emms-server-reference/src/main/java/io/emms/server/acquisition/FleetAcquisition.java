package io.emms.server.acquisition;

import io.emms.bus.fleet.Fleet;
import io.emms.bus.fleet.FleetLine;
import io.emms.bus.fleet.FleetListener;
import io.emms.bus.fleet.FleetPoller;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.Scheduling;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import io.emms.server.db.LineStore;
import io.emms.server.db.LineStore.LineRow;
import io.emms.server.db.MeterStore;
import io.emms.server.registry.Meter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fleet stored in the database (table {@code line} and the meters on each line) with the emms-bus
 * {@link FleetPoller}, and hands every reading to the ingestion pipeline under the meter's registry id, with its
 * quality. A poll that fails as a whole is stored too, as one reading without a value per quantity
 * ({@code TIMEOUT} or {@code ERROR}), so a gap in the data shows why it is there. The registry is re-read every
 * {@link #RELOAD} and the poller rebuilt when lines or meters changed.
 */
public final class FleetAcquisition implements AutoCloseable {

  /** How often the registry is checked for changes. */
  public static final Duration RELOAD = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(FleetAcquisition.class);

  private final LineStore lines;
  private final MeterStore meters;
  private final Consumer<Reading> sink;
  private final ScheduledExecutorService reloader;
  private FleetPoller poller;
  private Fleet running;

  private FleetAcquisition(LineStore lines, MeterStore meters, Consumer<Reading> sink) {
    this.lines = lines;
    this.meters = meters;
    this.sink = sink;
    this.reloader = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emms-fleet-reload");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts polling the stored fleet and watching the registry for changes. */
  public static FleetAcquisition start(LineStore lines, MeterStore meters, Consumer<Reading> sink) {
    FleetAcquisition a = new FleetAcquisition(lines, meters, sink);
    a.reloader.scheduleWithFixedDelay(a::reload, 0, RELOAD.toMillis(), TimeUnit.MILLISECONDS);
    return a;
  }

  /** The fleet of the stored lines and the meters on them that a protocol of emms-bus can poll. */
  public static Fleet fleetOf(List<LineRow> lines, List<Meter> meters) {
    Map<String, List<Meter>> byLine = meters.stream().filter(m -> m.lineId() != null)
        .collect(Collectors.groupingBy(Meter::lineId));
    List<FleetLine> out = new ArrayList<>();
    for (LineRow line : lines) {
      List<MeterEndpoint> endpoints = new ArrayList<>();
      for (Meter m : byLine.getOrDefault(line.id(), List.of())) {
        endpoint(m).ifPresent(endpoints::add);
      }
      if (!endpoints.isEmpty()) {
        out.add(new FleetLine(line.id(), line.address(), Scheduling.HALF_DUPLEX, 1, Duration.ZERO,
            Duration.ofSeconds(2), 2, 1024, endpoints));
      }
    }
    return new Fleet(out);
  }

  /** The fleet endpoint of a registered meter; empty for profiles the fleet poller does not read (MQTT, NB-IoT). */
  static Optional<MeterEndpoint> endpoint(Meter m) {
    Duration every = Duration.ofSeconds(m.pollSeconds());
    try {
      return switch (m.profile()) {
        case "dlt645-2007", "dlt645-1997" ->
            Optional.of(new MeterEndpoint(m.id(), m.profile(), m.address(), Optional.empty(), List.of(), every));
        case "modbus-tcp", "modbus-rtu-over-tcp" ->
            Optional.of(new MeterEndpoint(m.id(), "modbus", m.address(), Optional.ofNullable(m.model()), List.of(),
                every));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      log.warn("Meter {} is not polled: {}", m.id(), e.getMessage());
      return Optional.empty();
    }
  }

  private synchronized void reload() {
    try {
      Fleet fleet = fleetOf(lines.all(), meters.onLines());
      if (fleet.equals(running)) {
        return;
      }
      if (poller != null) {
        poller.close();
        poller = null;
      }
      running = fleet;
      if (!fleet.lines().isEmpty()) {
        poller = FleetPoller.open(fleet, new Listener(), false).start();
        log.info("Acquisition: polling {} meters on {} lines", fleet.meters().size(), fleet.lines().size());
      }
    } catch (RuntimeException e) {
      log.warn("Acquisition: cannot (re)start the fleet: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    reloader.shutdownNow();
    if (poller != null) {
      poller.close();
      poller = null;
    }
  }

  private final class Listener implements FleetListener {

    @Override
    public void onReadings(MeterEndpoint meter, List<Reading> readings) {
      for (Reading r : readings) {
        sink.accept(new Reading(meter.id(), r.quantity(), r.value(), r.timestamp(), r.quality()));
      }
    }

    @Override
    public void onFailure(MeterEndpoint meter, Throwable failure) {
      Quality q = failure instanceof MeterTimeoutException || failure.getCause() instanceof MeterTimeoutException
          ? Quality.TIMEOUT : Quality.ERROR;
      Instant now = Instant.now();
      meter.quantitiesToRead().forEach(quantity -> sink.accept(Reading.missing(meter.id(), quantity, now, q)));
    }

    @Override
    public void onLineDown(FleetLine line, Throwable failure) {
      log.warn("Acquisition: line {} is down: {}", line.id(), failure.toString());
    }
  }
}
