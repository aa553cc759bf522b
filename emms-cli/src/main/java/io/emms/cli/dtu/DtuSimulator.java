package io.emms.cli.dtu;

import io.emms.simulator.SimulatedMeters;
import io.emms.transport.dtu.DtuClient;
import io.emms.transport.dtu.DtuClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A DTU with simulated meters behind it: it dials in to a DTU server, registers, heartbeats, dials again when
 * dropped, and answers for DL/T 645 and Modbus RTU meters mixed on its one serial bus (emms-simulator's
 * {@link SimulatedMeters}, from the same SPECs as {@code emms poll}: {@code dlt645-2007:000000000001},
 * {@code modbus:1:sdm630}). Used by {@code emms simulate dtu} and by tests.
 */
public final class DtuSimulator implements AutoCloseable {

  private static final long SEED = 645;

  private final DtuClient dtu;
  private final SimulatedMeters meters;

  private DtuSimulator(DtuClient dtu, SimulatedMeters meters) {
    this.dtu = dtu;
    this.meters = meters;
  }

  /**
   * Makes the meters and the DTU; {@link #open()} dials in.
   *
   * @throws IllegalArgumentException for a spec that is not valid or cannot be simulated
   */
  public static DtuSimulator of(DtuClientConfig config, List<String> meterSpecs) {
    SimulatedMeters meters = SimulatedMeters.of(meterSpecs, SEED).start(Duration.ofSeconds(1));
    return new DtuSimulator(new DtuClient(config), meters);
  }

  /** Puts the meters on the DTU's serial side and dials in; completes on the first registration. */
  public CompletableFuture<Void> open() {
    return meters.responder().attach(dtu);
  }

  /** The DTU's own link, for its name and connect attempts. */
  public DtuClient dtu() {
    return dtu;
  }

  /** The meters behind the DTU, to count what they answered. */
  public SimulatedMeters meters() {
    return meters;
  }

  /** Stops the meters and hangs up. */
  @Override
  public void close() {
    meters.close();
    dtu.close();
  }
}
