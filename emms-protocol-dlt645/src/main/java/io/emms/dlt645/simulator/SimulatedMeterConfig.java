package io.emms.dlt645.simulator;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a {@link SimulatedMeter} behaves. Everything random derives from {@code seed} and everything timed from
 * {@code clock}, so a simulation driven by a manual clock replays exactly.
 *
 * @param address the meter's address at start
 * @param edition the protocol edition it speaks
 * @param passwords authority level (PA) → six-digit password; a command is authorised when its PA and
 *     password match an entry
 * @param nominalVoltage phase voltage in V, e.g. 220
 * @param loadProfile the customer's active power over the day
 * @param powerFactor the load's power factor, 0 &lt; pf ≤ 1
 * @param noise relative standard deviation of instantaneous values (0 = exact)
 * @param seed seeds the noise
 * @param clock the simulation's time source
 * @param zone the meter's local time zone: clock registers, tariffs and relay deadlines are local times
 * @param tariffs which tariff register accumulates at each time of day
 * @param initialEnergyKwh the forward active total at start, spread over the tariffs in proportion 1:2:4:3
 * @param loadRecordInterval the period of the load records (class 1–4), e.g. 15 minutes
 * @param maxReplyData the longest DATA a reply carries before the rest goes to follow-up frames
 * @param feCount how many {@code FE} bytes prefix each reply, 0..4
 * @param meterNumber the 12-digit meter number (04000402 / C032)
 * @param esam the security chip, or {@code null} for a meter without one
 */
public record SimulatedMeterConfig(
    Dlt645Address address,
    Dlt645Edition edition,
    Map<Integer, String> passwords,
    double nominalVoltage,
    LoadProfile loadProfile,
    double powerFactor,
    double noise,
    long seed,
    Clock clock,
    ZoneId zone,
    TariffSchedule tariffs,
    double initialEnergyKwh,
    Duration loadRecordInterval,
    int maxReplyData,
    int feCount,
    String meterNumber,
    SimulatedEsam esam) {

  /** Energy registers per direction: sharp, peak, flat, valley. */
  public static final int TARIFFS = 4;

  public SimulatedMeterConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(loadProfile, "loadProfile");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(tariffs, "tariffs");
    Objects.requireNonNull(loadRecordInterval, "loadRecordInterval");
    Objects.requireNonNull(meterNumber, "meterNumber");
    passwords = Map.copyOf(passwords);
    passwords.forEach((level, password) -> {
      if (level < 0 || level > 0xFF || !password.matches("[0-9]{6}")) {
        throw new IllegalArgumentException("password entries are level 0..FF -> six digits");
      }
    });
    if (!(nominalVoltage > 0 && nominalVoltage < 1000)) {
      throw new IllegalArgumentException("nominal voltage must be in (0, 1000) V");
    }
    if (!(powerFactor > 0 && powerFactor <= 1)) {
      throw new IllegalArgumentException("power factor must be in (0, 1]");
    }
    if (!(noise >= 0 && noise < 0.5)) {
      throw new IllegalArgumentException("noise must be in [0, 0.5)");
    }
    if (!(initialEnergyKwh >= 0 && initialEnergyKwh < 999_999)) {
      throw new IllegalArgumentException("initial energy must fit XXXXXX.XX");
    }
    if (loadRecordInterval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("load records are at least one minute apart");
    }
    if (maxReplyData < 16 || maxReplyData > 255) {
      throw new IllegalArgumentException("maxReplyData must be 16..255");
    }
    if (feCount < 0 || feCount > 4) {
      throw new IllegalArgumentException("feCount must be 0..4");
    }
    if (!meterNumber.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("meter number must be 12 digits");
    }
  }

  /** A builder for the meter at {@code address}; every other setting has a working default. */
  public static Builder builder(Dlt645Address address) {
    return new Builder(address);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(address);
    b.edition = edition;
    b.passwords = new TreeMap<>(passwords);
    b.nominalVoltage = nominalVoltage;
    b.loadProfile = loadProfile;
    b.powerFactor = powerFactor;
    b.noise = noise;
    b.seed = seed;
    b.clock = clock;
    b.zone = zone;
    b.tariffs = tariffs;
    b.initialEnergyKwh = initialEnergyKwh;
    b.loadRecordInterval = loadRecordInterval;
    b.maxReplyData = maxReplyData;
    b.feCount = feCount;
    b.meterNumber = meterNumber;
    b.esam = esam;
    return b;
  }

  /** Builds a {@link SimulatedMeterConfig}. */
  public static final class Builder {
    private Dlt645Address address;
    private Dlt645Edition edition = Dlt645Edition.V2007;
    private Map<Integer, String> passwords = new TreeMap<>(Map.of(0x02, "000000", 0x04, "000000"));
    private double nominalVoltage = 220.0;
    private LoadProfile loadProfile = LoadProfile.constant(2.0);
    private double powerFactor = 0.95;
    private double noise = 0.0;
    private long seed = 645;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private TariffSchedule tariffs = TariffSchedule.fourRate();
    private double initialEnergyKwh = 0.0;
    private Duration loadRecordInterval = Duration.ofMinutes(15);
    private int maxReplyData = 200;
    private int feCount = 0;
    private String meterNumber;
    private SimulatedEsam esam;

    private Builder(Dlt645Address address) {
      this.address = Objects.requireNonNull(address, "address");
    }

    public Builder address(Dlt645Address address) {
      this.address = address;
      return this;
    }

    public Builder edition(Dlt645Edition edition) {
      this.edition = edition;
      return this;
    }

    /** Replaces all passwords with one: {@code level} → {@code password}. */
    public Builder password(int level, String password) {
      this.passwords = new TreeMap<>(Map.of(level, password));
      return this;
    }

    public Builder passwords(Map<Integer, String> passwords) {
      this.passwords = new TreeMap<>(passwords);
      return this;
    }

    public Builder nominalVoltage(double volts) {
      this.nominalVoltage = volts;
      return this;
    }

    public Builder loadProfile(LoadProfile loadProfile) {
      this.loadProfile = loadProfile;
      return this;
    }

    public Builder powerFactor(double powerFactor) {
      this.powerFactor = powerFactor;
      return this;
    }

    public Builder noise(double noise) {
      this.noise = noise;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder tariffs(TariffSchedule tariffs) {
      this.tariffs = tariffs;
      return this;
    }

    public Builder initialEnergyKwh(double kwh) {
      this.initialEnergyKwh = kwh;
      return this;
    }

    public Builder loadRecordInterval(Duration interval) {
      this.loadRecordInterval = interval;
      return this;
    }

    public Builder maxReplyData(int bytes) {
      this.maxReplyData = bytes;
      return this;
    }

    public Builder feCount(int count) {
      this.feCount = count;
      return this;
    }

    public Builder meterNumber(String twelveDigits) {
      this.meterNumber = twelveDigits;
      return this;
    }

    public Builder esam(SimulatedEsam esam) {
      this.esam = esam;
      return this;
    }

    public SimulatedMeterConfig build() {
      String number = meterNumber != null ? meterNumber : address.toString().replace('A', '0');
      return new SimulatedMeterConfig(address, edition, passwords, nominalVoltage, loadProfile, powerFactor, noise,
          seed, clock, zone, tariffs, initialEnergyKwh, loadRecordInterval, maxReplyData, feCount, number, esam);
    }
  }
}
