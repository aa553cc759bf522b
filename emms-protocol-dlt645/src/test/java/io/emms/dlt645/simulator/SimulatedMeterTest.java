package io.emms.dlt645.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.meter.RelayCommand;
import io.emms.dlt645.codec.Dlt645Address;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The meter model itself: integration per tariff, relay, determinism, load records. */
class SimulatedMeterTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  // 2026-03-01 00:00 local.
  private final SimulationClock clock = new SimulationClock(Instant.parse("2026-02-28T16:00:00Z"));

  private SimulatedMeterConfig.Builder config() {
    return SimulatedMeterConfig.builder(Dlt645Address.of("000000000001")).clock(clock).zone(ZONE);
  }

  @Test
  void energyAccumulatesInTheTariffOfEachHour() {
    // Tariff 1 before 06:00, tariff 2 after.
    SimulatedMeter meter = new SimulatedMeter(config().loadProfile(LoadProfile.constant(1.5))
        .tariffs(time -> time.isBefore(LocalTime.of(6, 0)) ? 1 : 2).build());

    clock.advance(Duration.ofHours(8));

    // 1.5 kW: 6 h in tariff 1 = 9 kWh, 2 h in tariff 2 = 3 kWh.
    assertThat(meter.forwardActiveEnergy(1)).isEqualByComparingTo("9.00");
    assertThat(meter.forwardActiveEnergy(2)).isEqualByComparingTo("3.00");
    assertThat(meter.forwardActiveEnergy()).isEqualByComparingTo("12.00");
  }

  @Test
  void exportGoesToTheReverseRegisterNotTheForwardOne() {
    SimulatedMeter meter = new SimulatedMeter(config().loadProfile(LoadProfile.constant(-2)).build());

    clock.advance(Duration.ofHours(3));

    assertThat(meter.forwardActiveEnergy()).isZero();
    assertThat(SimulatedMeter.sum(meter.snapshot().reverse()))
        .isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aTrippedMeterCountsNothingAndShowsNoCurrentOrPower() {
    SimulatedMeter meter = new SimulatedMeter(config().loadProfile(LoadProfile.constant(5)).build());
    clock.advance(Duration.ofHours(1));

    meter.relay(RelayCommand.TRIP);
    clock.advance(Duration.ofHours(5));

    assertThat(meter.forwardActiveEnergy()).isEqualByComparingTo("5.00");
    assertThat(meter.statusWord3() & 0x10).isEqualTo(0x10);
    SimulatedMeter.Snapshot s = meter.snapshot();
    assertThat(s.kw()).isZero();
    assertThat(s.amps()).containsOnly(0.0);
  }

  @Test
  void keepPowerPreventsATripAndCloseAllowedWaitsForTheButton() {
    SimulatedMeter meter = new SimulatedMeter(config().build());

    assertThat(meter.relay(RelayCommand.KEEP_POWER)).isTrue();
    assertThat(meter.relay(RelayCommand.TRIP)).isFalse();
    assertThat(meter.relayOpen()).isFalse();

    meter.relay(RelayCommand.KEEP_POWER_RELEASE);
    meter.relay(RelayCommand.TRIP);
    meter.relay(RelayCommand.CLOSE_ALLOWED);
    assertThat(meter.relayOpen()).isTrue();
    meter.pressButton();
    assertThat(meter.relayOpen()).isFalse();
  }

  @Test
  void theSameSeedAndClockGiveTheSameNoisyValues() {
    SimulatedMeter a = new SimulatedMeter(config().noise(0.02).seed(42).build());
    SimulatedMeter b = new SimulatedMeter(config().noise(0.02).seed(42).build());
    SimulatedMeter c = new SimulatedMeter(config().noise(0.02).seed(43).build());

    clock.advance(Duration.ofMinutes(90));
    SimulatedMeter.Snapshot sa = a.snapshot();
    SimulatedMeter.Snapshot sb = b.snapshot();
    SimulatedMeter.Snapshot sc = c.snapshot();

    assertThat(sa.volts()).containsExactly(sb.volts());
    assertThat(sa.amps()).containsExactly(sb.amps());
    assertThat(sa.volts()).isNotEqualTo(sc.volts());
  }

  @Test
  void writesALoadRecordEveryIntervalWithTheIntervalsDemand() {
    SimulatedMeter meter = new SimulatedMeter(config().loadProfile(LoadProfile.constant(2.4))
        .loadRecordInterval(Duration.ofMinutes(15)).build());

    clock.advance(Duration.ofHours(2));

    assertThat(meter.loadRecords()).hasSize(8);
    SimulatedMeter.LoadRecord last = meter.loadRecords().get(7);
    assertThat(last.time().toLocalTime()).isEqualTo(LocalTime.of(2, 0));
    assertThat(last.demandKw()).isCloseTo(2.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(last.forwardKwh()).isCloseTo(4.8, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aDailyFreezeHappensAtLocalMidnight() {
    SimulatedMeter meter = new SimulatedMeter(config().loadProfile(LoadProfile.constant(1)).build());

    clock.advance(Duration.ofHours(30));

    SimulatedMeter.Frozen daily = meter.lastDailyFreeze();
    assertThat(daily.time().toLocalDateTime().toString()).isEqualTo("2026-03-02T00:00");
    assertThat(new BigDecimal(SimulatedMeter.sum(daily.forward()))).isCloseTo(new BigDecimal(24),
        org.assertj.core.data.Offset.offset(new BigDecimal("0.02")));
  }
}
