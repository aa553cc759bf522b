package io.emms.dlt645.simulator;

import io.emms.core.meter.RelayCommand;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A simulated DL/T 645 meter: energy registers that grow with its load profile (per tariff), noisy voltages,
 * currents and powers, a load switch, load records, freezes and event logs. Serve it on a link with
 * {@link Dlt645Simulator}.
 *
 * <p>Time comes only from the configured clock: the meter integrates its load up to the clock's instant whenever
 * it is asked for something, so a test that moves a manual clock sees energy grow by exactly
 * {@code ∫ P dt}. The meter keeps its own clock as an offset from the simulation clock, which time sync and
 * clock writes move. Thread-safe.
 */
public final class SimulatedMeter {

  /** Load records kept; older ones are dropped, as a meter's ring buffer does. */
  static final int MAX_LOAD_RECORDS = 4096;
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration MIN_STEP = Duration.ofSeconds(1);

  private final SimulatedMeterConfig config;
  private final Random random;
  private final double tanPhi;

  private Dlt645Address address;
  private final Map<Integer, String> passwords;
  private Duration clockOffset = Duration.ZERO;
  private Instant lastUpdate;
  private Instant nextRecord;

  // Energy registers in kWh / kvarh, index 0 unused so that index = tariff.
  private final double[] forward = new double[SimulatedMeterConfig.TARIFFS + 1];
  private final double[] reverse = new double[SimulatedMeterConfig.TARIFFS + 1];
  private final double[] quadrant = new double[4];
  private double intervalEnergy;
  private double maxDemandKw;
  private ZonedDateTime maxDemandTime;

  private boolean relayOpen;
  private boolean closeAllowed;
  private boolean alarm;
  private boolean keepPower;
  private int baudBit = 3;
  private int terminalOutput;
  private String freezePattern = "";

  private final Deque<LoadRecord> loadRecords = new ArrayDeque<>();
  private final List<EventRecord> powerDowns = new ArrayList<>();
  private final List<EventRecord> coverOpenings = new ArrayList<>();
  private long powerDownCount;
  private long coverOpenCount;
  private Frozen lastDaily;
  private Frozen lastInstant;

  /** A simulated meter in its initial state: relay closed, energy at {@code initialEnergyKwh}, no events. */
  public SimulatedMeter(SimulatedMeterConfig config) {
    this.config = config;
    this.random = new Random(config.seed());
    this.tanPhi = Math.tan(Math.acos(config.powerFactor()));
    this.address = config.address();
    this.passwords = new TreeMap<>(config.passwords());
    this.lastUpdate = config.clock().instant();
    this.nextRecord = nextBoundary(lastUpdate);
    double[] share = {0, 1, 2, 4, 3};
    for (int t = 1; t <= SimulatedMeterConfig.TARIFFS; t++) {
      forward[t] = config.initialEnergyKwh() * share[t] / 10.0;
    }
  }

  public SimulatedMeterConfig config() {
    return config;
  }

  public Dlt645Edition edition() {
    return config.edition();
  }

  /** The meter's current address (a write-address command changes it). */
  public synchronized Dlt645Address address() {
    return address;
  }

  /** The meter's own clock, in its zone. */
  public synchronized ZonedDateTime meterTime() {
    return meterTime(config.clock().instant());
  }

  /** Forward active energy, total over all tariffs, as the meter displays it (kWh, 2 decimals, truncated). */
  public synchronized BigDecimal forwardActiveEnergy() {
    advance();
    return kwh(sum(forward));
  }

  /** Forward active energy of one tariff register, 1..4. */
  public synchronized BigDecimal forwardActiveEnergy(int tariff) {
    advance();
    return kwh(forward[tariff]);
  }

  /** Whether the load switch is open (tripped). */
  public synchronized boolean relayOpen() {
    return relayOpen;
  }

  /** Run status word 3: bit4 = relay open. */
  public synchronized int statusWord3() {
    return relayOpen ? 0x0010 : 0;
  }

  /** The customer presses the button: closes the switch when a close was allowed. */
  public synchronized void pressButton() {
    advance();
    if (closeAllowed) {
      relayOpen = false;
      closeAllowed = false;
    }
  }

  /** Records a supply outage from {@code start} to {@code end} (simulation time) in the power-down log. */
  public synchronized void powerDown(Instant start, Instant end) {
    advance();
    powerDownCount++;
    powerDowns.add(new EventRecord(meterTime(start), meterTime(end), energySnapshot(), energySnapshot()));
  }

  /** Records that the terminal cover was opened now and closed after {@code closedAfter}. */
  public synchronized void openCover(Duration closedAfter) {
    advance();
    Instant now = config.clock().instant();
    coverOpenCount++;
    double[] before = energySnapshot();
    coverOpenings.add(new EventRecord(meterTime(now), meterTime(now.plus(closedAfter)), before, before));
  }

  // ---- package-private state used by the responders; callers hold the lock (synchronized on this) ----

  synchronized boolean authorised(int level, String password) {
    return password.equals(passwords.get(level));
  }

  synchronized boolean changePassword(int oldLevel, String oldPassword, int newLevel, String newPassword) {
    if (!authorised(oldLevel, oldPassword) || oldLevel > newLevel) {
      return false;
    }
    passwords.put(newLevel, newPassword);
    return true;
  }

  synchronized void setAddress(Dlt645Address newAddress) {
    address = newAddress;
  }

  /** Sets the meter clock; energy up to now is integrated first so tariffs change at the right instant. */
  synchronized void setMeterTime(ZonedDateTime time) {
    advance();
    clockOffset = Duration.between(config.clock().instant(), time.toInstant());
  }

  /**
   * Applies a relay command.
   *
   * @return false when the meter cannot act (a trip while keep-power is on)
   */
  synchronized boolean relay(RelayCommand command) {
    advance();
    switch (command) {
      case TRIP -> {
        if (keepPower) {
          return false;
        }
        relayOpen = true;
        closeAllowed = false;
      }
      case CLOSE_ALLOWED -> closeAllowed = relayOpen;
      case CLOSE_DIRECT -> {
        relayOpen = false;
        closeAllowed = false;
      }
      case ALARM -> alarm = true;
      case ALARM_RELEASE -> alarm = false;
      case KEEP_POWER -> {
        keepPower = true;
        relayOpen = false;
      }
      case KEEP_POWER_RELEASE -> keepPower = false;
    }
    return true;
  }

  synchronized boolean alarmOn() {
    return alarm;
  }

  synchronized void clearMaxDemand() {
    advance();
    maxDemandKw = 0;
    maxDemandTime = null;
  }

  synchronized void clearMeter() {
    advance();
    java.util.Arrays.fill(forward, 0);
    java.util.Arrays.fill(reverse, 0);
    java.util.Arrays.fill(quadrant, 0);
    intervalEnergy = 0;
    maxDemandKw = 0;
    maxDemandTime = null;
    loadRecords.clear();
    clearEvents(true, true);
    lastDaily = null;
    lastInstant = null;
  }

  synchronized void clearEvents(boolean powerDown, boolean cover) {
    if (powerDown) {
      powerDowns.clear();
      powerDownCount = 0;
    }
    if (cover) {
      coverOpenings.clear();
      coverOpenCount = 0;
    }
  }

  synchronized void freeze(String pattern) {
    advance();
    freezePattern = pattern;
    if (pattern.equals("99999999")) {
      lastInstant = new Frozen(meterTime(config.clock().instant()).truncatedTo(ChronoUnit.MINUTES), forward.clone());
    }
  }

  synchronized String freezePattern() {
    return freezePattern;
  }

  synchronized void setBaudBit(int bit) {
    baudBit = bit;
  }

  synchronized int baudBit() {
    return baudBit;
  }

  synchronized void setTerminalOutput(int output) {
    terminalOutput = output;
  }

  /**
   * The multi-function terminal output the master selected last (2007 control 1D): 0 clock pulse (the default),
   * 1 demand period, 2 time-slot switch.
   */
  public synchronized int terminalOutput() {
    return terminalOutput;
  }

  /**
   * Integrates the load up to now and copies the energy registers (index = tariff) into the caller's arrays:
   * the allocation-free path of energy reads.
   */
  synchronized void copyEnergy(double[] forwardOut, double[] reverseOut, double[] quadrantOut) {
    advance();
    System.arraycopy(forward, 0, forwardOut, 0, forward.length);
    System.arraycopy(reverse, 0, reverseOut, 0, reverse.length);
    System.arraycopy(quadrant, 0, quadrantOut, 0, quadrant.length);
  }

  /** Integrates the load up to the simulation clock's now and takes the instantaneous values. */
  synchronized Snapshot snapshot() {
    advance();
    Instant now = config.clock().instant();
    ZonedDateTime local = meterTime(now);
    double kw = relayOpen ? 0 : config.loadProfile().activePowerKw(local);
    double[] volts = new double[3];
    double[] amps = new double[3];
    double[] kwPhase = new double[3];
    for (int p = 0; p < 3; p++) {
      volts[p] = config.nominalVoltage() * (1 + config.noise() * random.nextGaussian());
      kwPhase[p] = kw / 3 * (1 + config.noise() * random.nextGaussian());
      amps[p] = Math.abs(kwPhase[p]) * 1000 / (volts[p] * config.powerFactor()) * Math.signum(kwPhase[p]);
    }
    double total = kwPhase[0] + kwPhase[1] + kwPhase[2];
    double frequency = 50 + 0.05 * config.noise() * 10 * random.nextGaussian();
    double temperature = 25 + 0.8 * Math.abs(kw) + 20 * config.noise() * random.nextGaussian();
    double pf = kw == 0 ? 1.0 : config.powerFactor() * Math.signum(kw);
    return new Snapshot(local, volts, amps, kwPhase, total, tanPhi, pf, frequency, temperature,
        forward.clone(), reverse.clone(), quadrant.clone(), maxDemandKw, maxDemandTime, statusWord3());
  }

  synchronized long powerDownCount() {
    return powerDownCount;
  }

  synchronized long coverOpenCount() {
    return coverOpenCount;
  }

  synchronized List<EventRecord> powerDowns() {
    return List.copyOf(powerDowns);
  }

  synchronized List<EventRecord> coverOpenings() {
    return List.copyOf(coverOpenings);
  }

  synchronized Frozen lastDailyFreeze() {
    advance();
    return lastDaily;
  }

  synchronized Frozen lastInstantFreeze() {
    return lastInstant;
  }

  /** Load records, oldest first. */
  synchronized List<LoadRecord> loadRecords() {
    advance();
    return List.copyOf(loadRecords);
  }

  // ---- physics ----

  private void advance() {
    Instant now = config.clock().instant();
    // Registers move once a second, as a meter's do; a burst of reads within a second integrates nothing.
    if (Duration.between(lastUpdate, now).compareTo(MIN_STEP) < 0) {
      return;
    }
    while (lastUpdate.isBefore(now)) {
      Instant end = earliest(now, lastUpdate.plus(STEP), nextRecord);
      ZonedDateTime mid = meterTime(lastUpdate.plus(Duration.between(lastUpdate, end).dividedBy(2)));
      double hours = Duration.between(lastUpdate, end).toNanos() / 3.6e12;
      double kw = relayOpen ? 0 : config.loadProfile().activePowerKw(mid);
      int tariff = config.tariffs().tariffAt(mid.toLocalTime());
      double kvar = Math.abs(kw) * tanPhi;
      if (kw >= 0) {
        forward[tariff] += kw * hours;
        quadrant[0] += kvar * hours;
      } else {
        reverse[tariff] += -kw * hours;
        quadrant[1] += kvar * hours;
      }
      intervalEnergy += kw * hours;
      ZonedDateTime before = meterTime(lastUpdate);
      lastUpdate = end;
      if (!meterTime(end).toLocalDate().equals(before.toLocalDate())) {
        lastDaily = new Frozen(meterTime(end).truncatedTo(ChronoUnit.DAYS), forward.clone());
      }
      if (end.equals(nextRecord)) {
        closeInterval(end, kw);
      }
    }
  }

  private void closeInterval(Instant end, double kwAtEnd) {
    double demand = intervalEnergy / (config.loadRecordInterval().toNanos() / 3.6e12);
    ZonedDateTime local = meterTime(end).truncatedTo(ChronoUnit.MINUTES);
    if (demand > maxDemandKw) {
      maxDemandKw = demand;
      maxDemandTime = local;
    }
    intervalEnergy = 0;
    double volts = config.nominalVoltage();
    double amps = Math.abs(kwAtEnd) / 3 * 1000 / (volts * config.powerFactor());
    loadRecords.addLast(new LoadRecord(local, volts, amps, kwAtEnd, kwAtEnd * tanPhi,
        kwAtEnd == 0 ? 1.0 : config.powerFactor(), sum(forward), sum(reverse), quadrant.clone(), demand));
    if (loadRecords.size() > MAX_LOAD_RECORDS) {
      loadRecords.removeFirst();
    }
    nextRecord = nextBoundary(end);
  }

  private Instant nextBoundary(Instant t) {
    long period = config.loadRecordInterval().getSeconds();
    long next = Math.floorDiv(t.getEpochSecond(), period) * period + period;
    return Instant.ofEpochSecond(next);
  }

  private ZonedDateTime meterTime(Instant simulationTime) {
    return simulationTime.plus(clockOffset).atZone(config.zone());
  }

  private double[] energySnapshot() {
    return new double[] {sum(forward), sum(reverse), quadrant[0], quadrant[1], quadrant[2], quadrant[3]};
  }

  private static Instant earliest(Instant a, Instant b, Instant c) {
    Instant min = a.isBefore(b) ? a : b;
    return min.isBefore(c) ? min : c;
  }

  static double sum(double[] tariffs) {
    double s = 0;
    for (int t = 1; t < tariffs.length; t++) {
      s += tariffs[t];
    }
    return s;
  }

  private static BigDecimal kwh(double value) {
    return BigDecimal.valueOf((long) Math.floor(value * 100 + 1e-9), 2).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** Instantaneous values and registers at one instant. Arrays are per phase A, B, C or per tariff 0..4. */
  record Snapshot(ZonedDateTime time, double[] volts, double[] amps, double[] kwPhase, double kw, double tanPhi,
      double powerFactor, double frequency, double temperature, double[] forward, double[] reverse,
      double[] quadrant, double maxDemandKw, ZonedDateTime maxDemandTime, int statusWord3) {

    double kvar() {
      return kw * tanPhi;
    }

    double kva() {
      return Math.hypot(kw, kvar());
    }
  }

  /** One load-profile record (mean values of the interval, registers at its end). */
  record LoadRecord(ZonedDateTime time, double volts, double amps, double kw, double kvar, double powerFactor,
      double forwardKwh, double reverseKwh, double[] quadrant, double demandKw) {}

  /** An event with start and end and the energy registers (fwd, rev, Q1..Q4) at both. */
  record EventRecord(ZonedDateTime start, ZonedDateTime end, double[] energyAtStart, double[] energyAtEnd) {}

  /** Frozen forward-active registers (index = tariff, 0 unused) and when they were frozen. */
  record Frozen(ZonedDateTime time, double[] forward) {}
}
