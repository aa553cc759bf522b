package io.emms.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emms.server.EmmsServer;
import io.emms.server.SharedDatabase;
import io.emms.server.command.CommandState;
import io.emms.server.command.MeterCommand;
import io.emms.server.command.RelayState;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.CommandStore;
import io.emms.server.db.MeterStore;
import io.emms.server.registry.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo fleet: real DL/T 645 over loopback TCP, polled into the database, relays tripped and verified. */
class DemoFleetTest {

  @Test
  void readingsArriveAndARelayIsTrippedAndRestoredWithTheOutcomeReadBack() throws Exception {
    var ds = SharedDatabase.database().dataSource();
    ServerConfig config = ServerConfig.defaults(Files.createTempDirectory(Path.of("target"), "demo-").toAbsolutePath())
        .withHttpPort(0).withCommands(Duration.ofSeconds(10), true);
    try (DemoFleet fleet = DemoFleet.start(new MeterStore(ds), 2, 1);
        EmmsServer server = EmmsServer.start(config, SharedDatabase.database(), fleet.control(), fleet.relayStatus())) {
      fleet.poll(Duration.ofSeconds(1), r -> {
        try {
          server.ingest().submit(r);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> SharedDatabase.count(
          "SELECT COUNT(DISTINCT meter_id) FROM reading WHERE meter_id LIKE 'demo-%' AND quality = 'VALID'"
              + " AND quantity = 'ACTIVE_ENERGY_IMPORT'") == 3);

      Meter first = fleet.meters().get(0);
      CommandStore commands = new CommandStore(ds);
      var service = new io.emms.server.command.CommandService(commands, new MeterStore(ds),
          new io.emms.server.db.AuditLog(ds), fleet.control(), fleet.relayStatus(), Duration.ofSeconds(10),
          java.time.Clock.systemUTC());
      MeterCommand trip = service.request("operator", first.id(), io.emms.core.meter.RelayCommand.TRIP, "test",
          "demo-trip-" + System.nanoTime(), Duration.ofMinutes(5));
      await().atMost(Duration.ofSeconds(60)).until(() -> commands.byId(trip.id()).orElseThrow().state().terminal());
      assertThat(commands.byId(trip.id()).orElseThrow().state()).isEqualTo(CommandState.VERIFIED);
      assertThat(fleet.relayStatus().read(first.address()).join()).isEqualTo(RelayState.OPEN);

      MeterCommand close = service.request("operator", first.id(), io.emms.core.meter.RelayCommand.CLOSE_DIRECT,
          "test", "demo-close-" + System.nanoTime(), Duration.ofMinutes(5));
      await().atMost(Duration.ofSeconds(60)).until(() -> commands.byId(close.id()).orElseThrow().state().terminal());
      assertThat(commands.byId(close.id()).orElseThrow().state()).isEqualTo(CommandState.VERIFIED);
      assertThat(new MeterStore(ds).byId(first.id()).orElseThrow().relayState()).isEqualTo("CLOSED");
    }
  }
}
