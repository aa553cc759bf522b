package io.emms.server.demo;

import io.emms.core.meter.MeterControl;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.server.command.RelayState;
import io.emms.server.command.RelayStatusSource;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.MeterStore;
import io.emms.server.registry.Meter;
import io.emms.server.registry.MeterProfile;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated DL/T 645 meters (both editions) served on a loopback TCP port and read by a real DL/T 645 client over
 * it: the demo fleet the server starts by default. The meters are added to the registry (ids {@code demo-*}),
 * polled at a fixed interval, and their relays answer commands through the same client, with the relay position
 * read back from status word 3.
 *
 * <p>This is the server's interim acquisition: a small fixed poller for the demo meters only, until the fleet
 * stored in the database is run by the emms-bus fleet poller.
 */
public final class DemoFleet implements AutoCloseable {

  /** Status word 3 (DI 04000503), bit 4: the load switch is open. */
  private static final int STATUS_WORD_3 = 0x04000503;
  private static final int RELAY_OPEN_BIT = 0x10;
  private static final List<Quantity> POLLED = List.of(
      Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT),
      Quantity.of(Measurand.VOLTAGE, Phase.A),
      Quantity.of(Measurand.CURRENT, Phase.A),
      Quantity.total(Measurand.ACTIVE_POWER));
  private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

  private final TcpLinkServer server;
  private final TcpClientLink link;
  private final Dlt645Client client;
  private final List<Meter> meters;
  private final ScheduledExecutorService poller;

  private DemoFleet(TcpLinkServer server, TcpClientLink link, Dlt645Client client, List<Meter> meters) {
    this.server = server;
    this.link = link;
    this.client = client;
    this.meters = meters;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emms-demo-poller");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts the simulated meters and the client, and registers the meters.
   *
   * @param count2007 meters of the 2007 edition
   * @param count1997 meters of the 1997 edition
   */
  public static DemoFleet start(MeterStore registry, int count2007, int count1997) {
    List<SimulatedMeter> simulated = new ArrayList<>();
    List<Meter> meters = new ArrayList<>();
    for (int i = 0; i < count2007 + count1997; i++) {
      boolean edition2007 = i < count2007;
      String address = String.format("%012d", 645_000 + i);
      simulated.add(new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of(address))
          .edition(edition2007 ? Dlt645Edition.V2007 : Dlt645Edition.V1997)
          .loadProfile(LoadProfile.constant(1.0 + i * 0.5))
          .initialEnergyKwh(1000 * (i + 1))
          .seed(645 + i)
          .build()));
      MeterProfile profile = edition2007 ? MeterProfile.DLT645_2007 : MeterProfile.DLT645_1997;
      meters.add(register(registry, new Meter("demo-" + address, address, profile.id(), "demo-site", "demo-tcp",
          15, null, null, null)));
    }
    SimulatedMeter[] served = simulated.toArray(SimulatedMeter[]::new);
    TcpLinkServer server = new TcpLinkServer(TcpServerConfig.builder().port(0).build(),
        l -> Dlt645Simulator.attach(l, served).start());
    server.start().join();
    TcpClientLink link = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", server.port())
        .reconnect(ReconnectPolicy.never()).build());
    Dlt645Client client = Dlt645Client.create(link, Dlt645ClientConfig.builder().build());
    for (SimulatedMeter m : simulated) {
      client.register(m.address(), m.edition());
    }
    client.connect().join();
    log.info("Demo fleet: {} DL/T 645 meters on tcp:127.0.0.1:{}", served.length, server.port());
    return new DemoFleet(server, link, client, meters);
  }

  private static Meter register(MeterStore registry, Meter m) {
    try {
      return registry.create(m);
    } catch (DuplicateKeyException e) {
      return registry.byId(m.id()).orElse(m);
    }
  }

  /** Polls every meter now and then every {@code interval}, handing each reading (under its registry id) on. */
  public void poll(Duration interval, Consumer<Reading> sink) {
    poller.scheduleAtFixedRate(() -> pollOnce(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollOnce(Consumer<Reading> sink) {
    for (Meter m : meters) {
      try {
        for (Reading r : client.read(m.address(), POLLED).get(30, TimeUnit.SECONDS)) {
          sink.accept(new Reading(m.id(), r.quantity(), r.value(), r.timestamp(), r.quality()));
        }
      } catch (Exception e) {
        log.warn("Demo poll of {} failed: {}", m.id(), e.toString());
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Relay commands go to the meters through the DL/T 645 client. */
  public MeterControl control() {
    return client;
  }

  /** The relay position read back from status word 3. */
  public RelayStatusSource relayStatus() {
    return address -> {
      try {
        return client.read(Dlt645Address.of(address), STATUS_WORD_3).thenApply(r -> {
          byte[] v = r.value();
          return (v[0] & RELAY_OPEN_BIT) != 0 ? RelayState.OPEN : RelayState.CLOSED;
        });
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }

  /** The demo meters as registered. */
  public List<Meter> meters() {
    return meters;
  }

  @Override
  public void close() {
    poller.shutdownNow();
    client.close();
    link.close();
    server.close();
  }
}
