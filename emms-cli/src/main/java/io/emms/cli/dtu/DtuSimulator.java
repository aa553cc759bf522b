package io.emms.cli.dtu;

import io.emms.bus.fleet.MeterEndpoint;
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
import io.emms.transport.dtu.DtuClient;
import io.emms.transport.dtu.DtuClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A DTU with simulated meters behind it: it dials in to a DTU server, registers, heartbeats, dials again when
 * dropped, and answers for DL/T 645 meters and Modbus RTU meters on its one serial bus. The meters are the same
 * SPECs as {@code emms poll} takes ({@code dlt645-2007:000000000001}, {@code modbus:1:sdm630}). Used by
 * {@code emms simulate dtu} and by tests.
 */
public final class DtuSimulator implements AutoCloseable {

  private static final long SEED = 645;

  private final DtuClient dtu;
  private final List<AutoCloseable> responders = new ArrayList<>();

  private DtuSimulator(DtuClient dtu) {
    this.dtu = dtu;
  }

  /**
   * Makes the meters, then dials in; the future completes on the first registration.
   *
   * @throws IllegalArgumentException for a meter this simulator cannot play (an unknown profile)
   */
  public static DtuSimulator start(DtuClientConfig config, List<MeterEndpoint> meters) {
    DtuSimulator simulator = new DtuSimulator(new DtuClient(config));
    SerialSide bus = new SerialSide(simulator.dtu);
    List<SimulatedMeter> dlt645 = new ArrayList<>();
    long seed = SEED;
    for (MeterEndpoint meter : meters) {
      if (meter.protocol().startsWith("dlt645")) {
        dlt645.add(new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of(meter.address()))
            .edition(meter.protocol().endsWith("1997") ? Dlt645Edition.V1997 : Dlt645Edition.V2007)
            .loadProfile(LoadProfile.constant(2.0)).initialEnergyKwh(1000).seed(seed++).build()));
      } else {
        simulator.serveModbus(bus, meter);
      }
    }
    if (!dlt645.isEmpty()) {
      Dlt645Simulator responder = Dlt645Simulator.attach(bus.attach("dlt645"), dlt645.toArray(SimulatedMeter[]::new));
      simulator.responders.add(responder);
      responder.start();
    }
    return simulator;
  }

  private void serveModbus(SerialSide bus, MeterEndpoint meter) {
    String profile = meter.profile().orElseThrow(() ->
        new IllegalArgumentException(meter.spec() + ": a simulated Modbus meter needs a profile"));
    ProfiledMeterSimulator simulated = new ProfiledMeterSimulator(MeterProfiles.find(profile).orElseThrow(() ->
        new IllegalArgumentException("unknown profile \"" + profile + "\"; profiles are " + MeterProfiles.names())),
        SEED).start(Duration.ofSeconds(1));
    responders.add(simulated);
    ModbusServer server = ModbusServer.create(ModbusMode.RTU, Integer.parseInt(meter.address()), simulated.service());
    responders.add(server);
    server.attach(bus.attach("modbus-" + meter.address()));
  }

  /** Dials in; completes on the first registration. */
  public CompletableFuture<Void> open() {
    return dtu.open();
  }

  /** The DTU's own link, for its name and connect attempts. */
  public DtuClient dtu() {
    return dtu;
  }

  /** Hangs up and stops the meters. */
  @Override
  public void close() {
    dtu.close();
    for (AutoCloseable responder : responders) {
      try {
        responder.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + responder, e);
      }
    }
  }
}
