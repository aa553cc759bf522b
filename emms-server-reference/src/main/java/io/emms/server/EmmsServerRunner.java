package io.emms.server;

import io.emms.core.meter.MeterControl;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.RelayCommand;
import io.emms.server.acquisition.FleetAcquisition;
import io.emms.server.command.RelayStatusSource;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.Database;
import io.emms.server.db.LineStore;
import io.emms.server.db.MeterStore;
import io.emms.server.demo.DemoFleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code java -jar} runs: the database, the demo fleet when configured, the server, and the acquisition of
 * the fleet stored in the database.
 */
final class EmmsServerRunner implements AutoCloseable {

  /** How often the demo meters are polled. */
  static final int DEMO_POLL_SECONDS = 15;

  private final List<AutoCloseable> resources;
  private final EmmsServer server;

  private EmmsServerRunner(List<AutoCloseable> resources, EmmsServer server) {
    this.resources = resources;
    this.server = server;
  }

  static EmmsServerRunner start(ServerConfig config) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Database db = EmmsServer.openDatabase(config, resources);
      resources.add(db);
      DemoFleet fleet = null;
      MeterControl control = new NoLinks();
      RelayStatusSource status = address -> CompletableFuture.failedFuture(
          new MeterException(address, "no link to this meter is configured"));
      MeterStore meters = new MeterStore(db.dataSource());
      LineStore lines = new LineStore(db.dataSource());
      if (config.demo()) {
        fleet = DemoFleet.start(meters, lines, 4, 2, DEMO_POLL_SECONDS);
        resources.add(fleet);
        control = fleet.control();
        status = fleet.relayStatus();
      }
      EmmsServer server = EmmsServer.start(config, db, control, status);
      resources.add(server);
      resources.add(FleetAcquisition.start(lines, meters, r -> {
        try {
          server.ingest().submit(r);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      return new EmmsServerRunner(resources, server);
    } catch (RuntimeException e) {
      new EmmsServerRunner(resources, null).close();
      throw e;
    }
  }

  EmmsServer server() {
    return server;
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        System.err.println("closing " + resources.get(i) + ": " + e);
      }
    }
    resources.clear();
  }

  /** Without acquisition there is no way to reach a meter: commands fail with that reason. */
  private static final class NoLinks implements MeterControl {

    @Override
    public CompletableFuture<Void> relay(String meterId, RelayCommand command, Instant validUntil) {
      return CompletableFuture.failedFuture(new MeterException(meterId, "no link to this meter is configured"));
    }

    @Override
    public CompletableFuture<Void> setClock(String meterId, Instant time) {
      return CompletableFuture.failedFuture(new MeterException(meterId, "no link to this meter is configured"));
    }
  }
}
