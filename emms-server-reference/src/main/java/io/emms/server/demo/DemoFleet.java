package io.emms.server.demo;

import io.emms.core.meter.MeterControl;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.modbus.server.ModbusServer;
import io.emms.server.command.RelayState;
import io.emms.server.command.RelayStatusSource;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.LineStore.LineRow;
import io.emms.server.db.LineStore;
import io.emms.server.db.MeterStore;
import io.emms.server.registry.Meter;
import io.emms.server.registry.MeterProfile;
import io.emms.simulator.SimulatedMeters;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo fleet the server starts by default: simulated meters that really talk their protocols over loopback
 * TCP, registered with their lines in the database so that the server's acquisition polls them like any other:
 * <ul>
 *   <li>line {@code demo-dlt645}: DL/T 645 meters of both editions behind a TCP gateway ({@code tcp://});
 *   <li>line {@code demo-modbus-tcp}: a Modbus TCP meter (SDM630 register map, unit 1);
 *   <li>line {@code demo-mixed}: a DL/T 645-2007 meter and two Modbus RTU meters on one line behind a transparent
 *       gateway ({@code rtu-over-tcp://}).
 * </ul>
 * The DL/T 645 meters' relays answer commands through a DL/T 645 client of their own, with the relay position
 * read back from status word 3.
 */
public final class DemoFleet implements AutoCloseable {

  /** Status word 3 (DI 04000503), bit 4: the load switch is open. */
  private static final int STATUS_WORD_3 = 0x04000503;
  private static final int RELAY_OPEN_BIT = 0x10;
  private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

  private final List<AutoCloseable> resources;
  private final Dlt645Client client;
  private final List<Meter> meters;

  private DemoFleet(List<AutoCloseable> resources, Dlt645Client client, List<Meter> meters) {
    this.resources = resources;
    this.client = client;
    this.meters = meters;
  }

  /**
   * Starts the simulated meters, registers them and their lines, and connects the relay-control client.
   *
   * @param count2007 DL/T 645-2007 meters on the DL/T 645 line
   * @param count1997 DL/T 645-1997 meters on the DL/T 645 line
   * @param pollSeconds how often the acquisition should read each demo meter
   */
  public static DemoFleet start(MeterStore registry, LineStore lines, int count2007, int count1997,
      int pollSeconds) {
    List<AutoCloseable> resources = new ArrayList<>();
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
      meters.add(register(registry, new Meter("demo-" + address, address, profile.id(), null, "demo-site",
          "demo-dlt645", pollSeconds, null, null, null)));
    }
    SimulatedMeter[] served = simulated.toArray(SimulatedMeter[]::new);
    TcpLinkServer dlt645 = listen(resources, l -> Dlt645Simulator.attach(l, served).start());
    lines.upsert(new LineRow("demo-dlt645", "tcp", "tcp://127.0.0.1:" + dlt645.port()));

    ProfiledMeterSimulator sdm630 = new ProfiledMeterSimulator(MeterProfiles.find("sdm630").orElseThrow(), 645)
        .start(Duration.ofSeconds(1));
    resources.add(sdm630);
    ModbusServer modbus = ModbusServer.create(ModbusMode.TCP, 1, sdm630.service());
    resources.add(modbus);
    TcpLinkServer modbusTcp = listen(resources, modbus::attach);
    lines.upsert(new LineRow("demo-modbus-tcp", "tcp", "tcp://127.0.0.1:" + modbusTcp.port()));
    register(registry, new Meter("demo-sdm630", "1", MeterProfile.MODBUS_TCP.id(), "sdm630", "demo-site",
        "demo-modbus-tcp", pollSeconds, null, null, null));

    List<String> mixed = List.of("dlt645-2007:000000646001", "modbus:2:ddsu666", "modbus:3:sdm120");
    TcpLinkServer gateway = listen(resources, l -> SimulatedMeters.of(mixed, 645).responder().attach(l));
    lines.upsert(new LineRow("demo-mixed", "rtu-over-tcp", "rtu-over-tcp://127.0.0.1:" + gateway.port()));
    register(registry, new Meter("demo-mixed-645", "000000646001", MeterProfile.DLT645_2007.id(), null,
        "demo-site", "demo-mixed", pollSeconds, null, null, null));
    register(registry, new Meter("demo-ddsu666", "2", MeterProfile.MODBUS_RTU_OVER_TCP.id(), "ddsu666",
        "demo-site", "demo-mixed", pollSeconds, null, null, null));
    register(registry, new Meter("demo-sdm120", "3", MeterProfile.MODBUS_RTU_OVER_TCP.id(), "sdm120",
        "demo-site", "demo-mixed", pollSeconds, null, null, null));

    TcpClientLink link = new TcpClientLink(TcpClientConfig.builder("127.0.0.1", dlt645.port())
        .reconnect(ReconnectPolicy.never()).build());
    Dlt645Client client = Dlt645Client.create(link, Dlt645ClientConfig.builder().build());
    for (SimulatedMeter m : simulated) {
      client.register(m.address(), m.edition());
    }
    client.connect().join();
    resources.add(link);
    resources.add(client);
    log.info("Demo fleet: {} DL/T 645 meters on tcp:{}, a Modbus TCP meter on tcp:{}, a mixed line on {}",
        served.length, dlt645.port(), modbusTcp.port(), gateway.port());
    return new DemoFleet(resources, client, meters);
  }

  private static TcpLinkServer listen(List<AutoCloseable> resources,
      Consumer<? super io.emms.transport.tcp.TcpServerLink> handler) {
    TcpLinkServer server = new TcpLinkServer(TcpServerConfig.builder().port(0).build(), handler);
    server.start().join();
    resources.add(server);
    return server;
  }

  private static Meter register(MeterStore registry, Meter m) {
    try {
      return registry.create(m);
    } catch (DuplicateKeyException e) {
      return registry.byId(m.id()).orElse(m);
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

  /** The DL/T 645 demo meters whose relays can be commanded, as registered. */
  public List<Meter> meters() {
    return meters;
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("Demo fleet: closing {} failed: {}", resources.get(i), e.toString());
      }
    }
  }
}
