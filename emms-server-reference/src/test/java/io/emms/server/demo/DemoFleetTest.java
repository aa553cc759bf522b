package io.emms.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emms.core.meter.RelayCommand;
import io.emms.server.SharedDatabase;
import io.emms.server.acquisition.FleetAcquisition;
import io.emms.server.command.CommandService;
import io.emms.server.command.CommandState;
import io.emms.server.command.MeterCommand;
import io.emms.server.command.RelayState;
import io.emms.server.db.AuditLog;
import io.emms.server.db.CommandStore;
import io.emms.server.db.LineStore;
import io.emms.server.db.MeterStore;
import io.emms.server.db.ReadingStore;
import io.emms.server.ingest.IngestPipeline;
import io.emms.server.registry.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet polled by the fleet acquisition from the database: DL/T 645 of both editions over TCP, a Modbus
 * TCP meter, and a mixed DL/T 645 + Modbus RTU line behind a transparent gateway, all stored; and a relay tripped
 * and restored with the outcome read back from the meter.
 */
class DemoFleetTest {

  @Test
  void everyLineIsPolledIntoTheDatabaseAndARelayIsTrippedAndRestored() throws Exception {
    var ds = SharedDatabase.database().dataSource();
    MeterStore meters = new MeterStore(ds);
    Path dir = Files.createTempDirectory(Path.of("target"), "demo-");
    try (DemoFleet fleet = DemoFleet.start(meters, new LineStore(ds), 2, 1, 5);
        IngestPipeline ingest = new IngestPipeline(new ReadingStore(ds)::write, dir.resolve("spill"), 10_000, 500,
            10_000);
        FleetAcquisition acquisition = FleetAcquisition.start(new LineStore(ds), meters, r -> {
          try {
            ingest.submit(r);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        })) {
      for (String meter : List.of("demo-000000645000", "demo-000000645002", "demo-sdm630", "demo-mixed-645",
          "demo-ddsu666", "demo-sdm120")) {
        await().atMost(Duration.ofSeconds(90)).until(() -> SharedDatabase.count(
            "SELECT COUNT(*) FROM reading WHERE meter_id = '" + meter + "' AND quality = 'VALID'") > 0);
      }

      Meter first = fleet.meters().get(0);
      CommandStore commands = new CommandStore(ds);
      CommandService service = new CommandService(commands, meters, new AuditLog(ds), fleet.control(),
          fleet.relayStatus(), Duration.ofSeconds(10), Clock.systemUTC());
      MeterCommand trip = service.request("operator", first.id(), RelayCommand.TRIP, "test",
          "demo-trip-" + System.nanoTime(), Duration.ofMinutes(5));
      await().atMost(Duration.ofSeconds(60)).until(() -> commands.byId(trip.id()).orElseThrow().state().terminal());
      assertThat(commands.byId(trip.id()).orElseThrow().state()).isEqualTo(CommandState.VERIFIED);
      assertThat(fleet.relayStatus().read(first.address()).join()).isEqualTo(RelayState.OPEN);

      MeterCommand close = service.request("operator", first.id(), RelayCommand.CLOSE_DIRECT, "test",
          "demo-close-" + System.nanoTime(), Duration.ofMinutes(5));
      await().atMost(Duration.ofSeconds(60)).until(() -> commands.byId(close.id()).orElseThrow().state().terminal());
      assertThat(commands.byId(close.id()).orElseThrow().state()).isEqualTo(CommandState.VERIFIED);
      assertThat(meters.byId(first.id()).orElseThrow().relayState()).isEqualTo("CLOSED");
    }
  }
}
