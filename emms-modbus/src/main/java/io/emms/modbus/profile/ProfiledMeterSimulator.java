package io.emms.modbus.profile;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.server.ModbusService;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Impersonates a profiled meter: a {@link ProcessImage} laid out as the profile says, whose values move like a
 * loaded three-phase (or single-phase) supply: voltages around 230 V with noise, currents around 5 A, frequency
 * around 50 Hz, power and reactive power following from them, and energy registers accumulating power over time.
 * Serve {@link #service()} from a {@link io.emms.modbus.server.ModbusServer}.
 *
 * <p>{@link #step(Duration)} advances the simulation by hand (deterministic with a seed); {@link #start(Duration)}
 * does it on a daemon thread.
 */
public final class ProfiledMeterSimulator implements AutoCloseable {

  private static final double NOMINAL_VOLTS = 230.0;
  private static final double NOMINAL_AMPS = 5.0;
  private static final double POWER_FACTOR = 0.95;

  private final MeterProfile profile;
  private final ProcessImage image;
  private final ProcessImageService service;
  private final SplittableRandom random;
  private final Map<Phase, Double> importKwh = new EnumMap<>(Phase.class);
  private final Map<Phase, Double> reactiveKvarh = new EnumMap<>(Phase.class);
  private final double[] tariffKwh = new double[5];
  private double elapsedHours;
  private ScheduledExecutorService ticker;

  public ProfiledMeterSimulator(MeterProfile profile, long seed) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.image = new ProcessImage(0, 0, size(profile, RegisterTable.HOLDING_REGISTERS),
        size(profile, RegisterTable.INPUT_REGISTERS));
    this.service = new ProcessImageService(image, "EMMS", "simulated " + profile.model(), "0.1");
    this.random = new SplittableRandom(seed);
    for (Phase p : Phase.values()) {
      importKwh.put(p, 1000.0 + 10 * p.ordinal());
      reactiveKvarh.put(p, 100.0 + p.ordinal());
    }
    step(Duration.ZERO);
  }

  private static int size(MeterProfile profile, RegisterTable table) {
    return profile.points().stream().filter(p -> p.table() == table)
        .mapToInt(p -> p.range().end()).max().orElse(0);
  }

  public MeterProfile profile() {
    return profile;
  }

  public ProcessImage image() {
    return image;
  }

  /** The service answering requests from the simulated registers. */
  public ModbusService service() {
    return service;
  }

  /** Advances the simulation: new noisy instantaneous values, energy accumulated over {@code elapsed}. */
  public synchronized void step(Duration elapsed) {
    double hours = elapsed.toNanos() / 3.6e12;
    int tariff = activeTariff();
    elapsedHours += hours;
    Map<Phase, Double> volts = new EnumMap<>(Phase.class);
    Map<Phase, Double> amps = new EnumMap<>(Phase.class);
    for (Phase p : new Phase[] {Phase.A, Phase.B, Phase.C}) {
      volts.put(p, NOMINAL_VOLTS * (1 + noise(0.01)));
      amps.put(p, NOMINAL_AMPS * (1 + noise(0.1)));
    }
    boolean singlePhase = profile.point(Quantity.of(Measurand.VOLTAGE, Phase.B)).isEmpty();
    double totalKw = 0;
    for (Phase p : singlePhase ? new Phase[] {Phase.A} : new Phase[] {Phase.A, Phase.B, Phase.C}) {
      double kw = volts.get(p) * amps.get(p) * POWER_FACTOR / 1000;
      totalKw += kw;
      importKwh.merge(p, kw * hours, Double::sum);
      reactiveKvarh.merge(p, kw * Math.tan(Math.acos(POWER_FACTOR)) * hours, Double::sum);
    }
    importKwh.merge(Phase.TOTAL, totalKw * hours, Double::sum);
    reactiveKvarh.merge(Phase.TOTAL, totalKw * Math.tan(Math.acos(POWER_FACTOR)) * hours, Double::sum);
    tariffKwh[tariff] += totalKw * hours;
    for (RegisterPoint point : profile.points()) {
      double value = value(point, volts, amps, totalKw, singlePhase);
      image.setValue(point.table(), point.address(), point.format(),
          BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN));
    }
  }

  /** Time-of-use tariff 1..4, cycling every six simulated hours. */
  private int activeTariff() {
    return 1 + (int) (elapsedHours / 6) % 4;
  }

  private double value(
      RegisterPoint point, Map<Phase, Double> volts, Map<Phase, Double> amps, double totalKw, boolean singlePhase) {
    Phase phase = point.quantity().phase();
    Phase single = phase == Phase.TOTAL ? Phase.A : phase;
    double phaseKw = phase == Phase.TOTAL ? totalKw : phaseValue(volts, single) * phaseValue(amps, single)
        * POWER_FACTOR / 1000;
    double tanPhi = Math.tan(Math.acos(POWER_FACTOR));
    return switch (point.quantity().measurand()) {
      case VOLTAGE -> lineVoltage(volts, phase);
      case CURRENT -> phase == Phase.N ? 0.3 * (1 + noise(0.1)) : phaseValue(amps, single);
      case ACTIVE_POWER -> phaseKw;
      case REACTIVE_POWER -> phaseKw * tanPhi;
      case APPARENT_POWER -> phaseKw / POWER_FACTOR;
      case POWER_FACTOR -> POWER_FACTOR;
      case FREQUENCY -> 50 + noise(0.001) * 50;
      case ACTIVE_ENERGY_IMPORT -> point.quantity().tariff() == 0
          ? importKwh.get(singlePhase ? Phase.TOTAL : phase)
          : tariffKwh[Math.min(point.quantity().tariff(), 4)];
      case ACTIVE_ENERGY_COMBINED -> importKwh.get(Phase.TOTAL);
      case REACTIVE_ENERGY_IMPORT -> reactiveKvarh.get(singlePhase ? Phase.TOTAL : phase);
      case VOLTAGE_THD -> 2.0 * (1 + noise(0.1));
      case CURRENT_THD -> 8.0 * (1 + noise(0.1));
      case ACTIVE_DEMAND_IMPORT -> totalKw;
      default -> 0.0;
    };
  }

  private static double phaseValue(Map<Phase, Double> values, Phase phase) {
    return values.getOrDefault(phase, values.get(Phase.A));
  }

  private static double lineVoltage(Map<Phase, Double> volts, Phase phase) {
    return switch (phase) {
      case AB -> (volts.get(Phase.A) + volts.get(Phase.B)) / 2 * Math.sqrt(3);
      case BC -> (volts.get(Phase.B) + volts.get(Phase.C)) / 2 * Math.sqrt(3);
      case CA -> (volts.get(Phase.C) + volts.get(Phase.A)) / 2 * Math.sqrt(3);
      default -> phaseValue(volts, phase == Phase.TOTAL ? Phase.A : phase);
    };
  }

  /** Uniform noise in ±{@code amplitude}. */
  private double noise(double amplitude) {
    return (random.nextDouble() * 2 - 1) * amplitude;
  }

  /** Steps the simulation every {@code interval} on a daemon thread until {@link #close()}. */
  public synchronized ProfiledMeterSimulator start(Duration interval) {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emms-meter-simulator-" + profile.name());
        t.setDaemon(true);
        return t;
      });
      long nanos = interval.toNanos();
      ticker.scheduleAtFixedRate(() -> step(interval), nanos, nanos, TimeUnit.NANOSECONDS);
    }
    return this;
  }

  /** Stops the ticker thread, if started. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }
}
