package io.emms.simulator;

import io.emms.bus.fleet.MeterEndpoint;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated meters made from meter specs, the same specs that fleets and {@code emms poll} read
 * ({@code dlt645-2007:ADDRESS}, {@code dlt645-1997:ADDRESS}, {@code modbus:UNIT:PROFILE}; see
 * {@link MeterEndpoint}), answering on one line through a {@link MultiProtocolResponder}.
 *
 * <pre>{@code
 * try (SimulatedMeters meters = SimulatedMeters.of(List.of("dlt645-2007:000102030425", "modbus:1:sdm630"), 645)) {
 *   meters.responder().attach(link).join();
 *   ...
 * }
 * }</pre>
 */
public final class SimulatedMeters implements AutoCloseable {

  private final List<SimulatedMeter> dlt645;
  private final List<ProfiledMeterSimulator> modbus;
  private final MultiProtocolResponder responder;

  private SimulatedMeters(List<SimulatedMeter> dlt645, List<ProfiledMeterSimulator> modbus,
      MultiProtocolResponder responder) {
    this.dlt645 = List.copyOf(dlt645);
    this.modbus = List.copyOf(modbus);
    this.responder = responder;
  }

  /**
   * Meters for {@code specs}, their random noise drawn from {@code seed}.
   *
   * @throws IllegalArgumentException for a spec that is not valid, or of a protocol that cannot be simulated here
   */
  public static SimulatedMeters of(List<String> specs, long seed) {
    List<MeterEndpoint> endpoints = new ArrayList<>();
    for (String spec : specs) {
      endpoints.add(MeterEndpoint.parse(spec, List.of(), Duration.ofMinutes(1)));
    }
    return ofEndpoints(endpoints, seed);
  }

  /** Meters for {@code endpoints}; see {@link #of(List, long)}. */
  public static SimulatedMeters ofEndpoints(List<MeterEndpoint> endpoints, long seed) {
    List<SimulatedMeter> dlt645 = new ArrayList<>();
    List<ProfiledMeterSimulator> modbus = new ArrayList<>();
    MultiProtocolResponder.Builder responder = MultiProtocolResponder.builder();
    long meterSeed = seed;
    for (MeterEndpoint endpoint : endpoints) {
      meterSeed++;
      switch (endpoint.protocol()) {
        case "dlt645-2007", "dlt645-1997" -> {
          Dlt645Edition edition = endpoint.protocol().endsWith("2007") ? Dlt645Edition.V2007 : Dlt645Edition.V1997;
          SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of(endpoint.address()))
              .edition(edition).seed(meterSeed).build());
          dlt645.add(meter);
          responder.dlt645(meter);
        }
        case "modbus" -> {
          ProfiledMeterSimulator meter =
              new ProfiledMeterSimulator(MeterProfiles.get(endpoint.profile().orElseThrow()), meterSeed);
          modbus.add(meter);
          responder.modbusRtu(Integer.parseInt(endpoint.address()), meter.service());
        }
        default -> throw new IllegalArgumentException(
            "cannot simulate " + endpoint.protocol() + " meters; dlt645-2007, dlt645-1997 and modbus can be");
      }
    }
    return new SimulatedMeters(dlt645, modbus, responder.build());
  }

  /** The far end of the line: attach it to a link. */
  public MultiProtocolResponder responder() {
    return responder;
  }

  /** The DL/T 645 meters, in spec order. */
  public List<SimulatedMeter> dlt645Meters() {
    return dlt645;
  }

  /** The Modbus meters, in spec order. */
  public List<ProfiledMeterSimulator> modbusMeters() {
    return modbus;
  }

  /** Lets the Modbus meters' energy grow and values wander every {@code step}; DL/T 645 meters run on their clock. */
  public SimulatedMeters start(Duration step) {
    modbus.forEach(m -> m.start(step));
    return this;
  }

  /** Stops answering and stops the Modbus meters' tickers; the link stays open. */
  @Override
  public void close() {
    responder.close();
    modbus.forEach(ProfiledMeterSimulator::close);
  }
}
