package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.meter.RelayCommand;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.TariffSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every command of the master against the simulator: writes, addresses, clock, freeze, relay, security. */
@ExtendWith(LeakCheck.class)
class Dlt645ClientCommandTest {

  private static final Dlt645Address METER = Dlt645Address.of("000102030425");
  private static final Dlt645Address METER_1997 = Dlt645Address.of("000000000003");

  private final SimulatedBus bus = new SimulatedBus();

  @AfterEach
  void tearDown() {
    bus.close();
  }

  private SimulatedMeter oneMeter() {
    SimulatedMeter meter = bus.add(bus.meter(METER).loadProfile(LoadProfile.constant(2.0))
        .tariffs(TariffSchedule.single()).initialEnergyKwh(100).build());
    bus.start();
    return meter;
  }

  private BigDecimal energy() {
    return Bcd.value(bus.client.read(METER, 0x00010000).join().value(), 2);
  }

  private int statusWord3() {
    byte[] v = bus.client.read(METER, 0x04000503).join().value();
    return (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
  }

  private static Dlt645ErrorReplyException errorOf(Runnable call) {
    try {
      call.run();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Dlt645ErrorReplyException reply) {
        return reply;
      }
      throw e;
    }
    throw new AssertionError("expected an error reply");
  }

  // ---- writes and passwords ----

  @Test
  void writesTheMeterClockWithTheRightPassword() {
    SimulatedMeter meter = oneMeter();

    // 04000102 hhmmss = 08:15:30 -> ss mm hh.
    bus.client.write(METER, 0x04000102, new byte[] {0x30, 0x15, 0x08}).join();

    assertThat(meter.meterTime().toLocalTime().toString()).isEqualTo("08:15:30");
    assertThat(Bcd.hex(bus.client.read(METER, 0x04000102).join().value())).isEqualTo("30 15 08");
  }

  @Test
  void aWrongPasswordIsRefusedWithThePasswordBit() {
    oneMeter();

    Dlt645ErrorReplyException e = errorOf(() -> bus.client.write(METER, 0x04000102, new byte[] {0, 0, 8},
        new Dlt645Credentials(0x02, "999999", "00000000")).join());

    assertThat(e.reasons()).containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
    assertThat(e.errorByte()).isEqualTo(0x04);
  }

  @Test
  void changesThePasswordSoThatOnlyTheNewOneWorks() {
    oneMeter();

    bus.client.changePassword(METER, 0x02, "123456").join();

    assertThat(errorOf(() -> bus.client.write(METER, 0x04000102, new byte[] {0, 0, 9}).join()).reasons())
        .containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
    bus.client.register(METER, Dlt645Edition.V2007, new Dlt645Credentials(0x02, "123456", "00000000"));
    bus.client.write(METER, 0x04000102, new byte[] {0, 0, 9}).join();
  }

  @Test
  void setsTheClockThroughMeterControl() {
    SimulatedMeter meter = oneMeter();
    Instant target = Instant.parse("2026-07-04T03:02:01Z");

    bus.client.setClock("000102030425", target).join();

    assertThat(meter.meterTime().toInstant()).isEqualTo(target);
  }

  // ---- addresses ----

  @Test
  void readsAndWritesTheAddressOfTheOnlyMeterOnTheBus() {
    SimulatedMeter meter = oneMeter();

    assertThat(bus.client.readAddress().join()).isEqualTo(METER);
    Dlt645Address renumbered = Dlt645Address.of("123456789012");
    bus.client.writeAddress(renumbered).join();

    assertThat(meter.address()).isEqualTo(renumbered);
    assertThat(bus.client.read(renumbered, 0x00010000).join().meter()).isEqualTo(renumbered);
  }

  @Test
  void discoversTheMetersOfASharedBusInARange() {
    for (String a : List.of("000000000001", "000000000004", "000000000007", "000000000042")) {
      bus.add(bus.meter(Dlt645Address.of(a)).build());
    }
    bus.start();
    // Warm the path up first: on a busy machine the very first exchange can take longer than a probe's timeout.
    bus.client.read(Dlt645Address.of("000000000042"), 0x04000401).join();

    List<Dlt645Address> found = bus.client.discover(Dlt645Address.of("000000000000"),
        Dlt645Address.of("000000000009"), Duration.ofMillis(250)).join();

    assertThat(found).containsExactly(Dlt645Address.of("000000000001"), Dlt645Address.of("000000000004"),
        Dlt645Address.of("000000000007"));
  }

  // ---- clock and freeze ----

  @Test
  void broadcastTimeSyncSetsEveryMeterWithoutAReply() {
    SimulatedMeter a = bus.add(bus.meter(Dlt645Address.of("000000000001")).build());
    SimulatedMeter b = bus.add(bus.meter(Dlt645Address.of("000000000002")).build());
    bus.start();
    Instant target = Instant.parse("2026-05-05T05:05:05Z");

    bus.client.broadcastTimeSync(target).join();
    // A read queued behind the broadcast proves the meters have processed it.
    bus.client.read(Dlt645Address.of("000000000002"), 0x04000102).join();

    assertThat(a.meterTime().toInstant()).isEqualTo(target);
    assertThat(b.meterTime().toInstant()).isEqualTo(target);
    assertThat(bus.simulator.repliesSent()).isEqualTo(1);
  }

  @Test
  void anInstantFreezeKeepsTheRegistersOfThatMoment() {
    oneMeter();
    bus.clock.advance(Duration.ofMinutes(30));

    bus.client.freeze(METER, Dlt645FreezeTime.instant()).join();
    BigDecimal atFreeze = energy();
    bus.clock.advance(Duration.ofHours(1));

    byte[] frozen = bus.client.read(METER, 0x05010101).join().value();
    assertThat(Bcd.value(frozen, 0, 4, 2)).isEqualByComparingTo(atFreeze);
    assertThat(energy()).isEqualByComparingTo(atFreeze.add(new BigDecimal("2.00")));
    // Frozen at 08:30 local on 2026-03-01: YYMMDDhhmm sent as mm hh DD MM YY.
    assertThat(Bcd.hex(bus.client.read(METER, 0x05010001).join().value())).isEqualTo("30 08 01 03 26");
  }

  @Test
  void aBroadcastFreezeCompletesWithoutAReply() {
    oneMeter();

    bus.client.freeze(Dlt645Address.BROADCAST, Dlt645FreezeTime.instant()).join();

    assertThat(Bcd.hex(bus.client.read(METER, 0x05010001).join().value())).isEqualTo("00 08 01 03 26");
  }

  // ---- baud, clears, terminal ----

  @Test
  void changesTheBaudRate() {
    oneMeter();

    assertThat(bus.client.changeBaud(METER, Dlt645BaudRate.B9600).join()).isEqualTo(Dlt645BaudRate.B9600);
  }

  @Test
  void clearsMaximumDemand() {
    oneMeter();
    bus.clock.advance(Duration.ofHours(1));
    byte[] before = bus.client.read(METER, 0x01010000).join().value();
    assertThat(Bcd.value(before, 0, 3, 4)).isEqualByComparingTo("2.0000");

    bus.client.clearMaxDemand(METER).join();

    assertThat(Bcd.value(bus.client.read(METER, 0x01010000).join().value(), 0, 3, 4)).isZero();
  }

  @Test
  void clearsTheMeter() {
    oneMeter();
    assertThat(energy()).isEqualByComparingTo("100.00");

    bus.client.clearMeter(METER).join();

    assertThat(energy()).isZero();
  }

  @Test
  void clearsTheEventLogs() {
    SimulatedMeter meter = oneMeter();
    meter.powerDown(SimulatedBus.START.minusSeconds(7200), SimulatedBus.START.minusSeconds(3600));
    meter.powerDown(SimulatedBus.START.minusSeconds(600), SimulatedBus.START.minusSeconds(60));
    meter.openCover(Duration.ofMinutes(5));
    assertThat(Bcd.value(bus.client.read(METER, 0x03110000).join().value(), 0)).isEqualByComparingTo("2");
    // Last power down: 2026-03-01 07:50:00 .. 07:59:00 local, each ss mm hh DD MM YY.
    assertThat(Bcd.hex(bus.client.read(METER, 0x03110001).join().value()))
        .isEqualTo("00 50 07 01 03 26 00 59 07 01 03 26");

    bus.client.clearEvents(METER, 0xFFFFFFFF).join();

    assertThat(Bcd.value(bus.client.read(METER, 0x03110000).join().value(), 0)).isZero();
    assertThat(Bcd.value(bus.client.read(METER, 0x03300D00).join().value(), 0)).isZero();
  }

  @Test
  void selectsTheTerminalOutput() {
    SimulatedMeter meter = oneMeter();

    bus.client.terminalOutput(METER, Dlt645TerminalOutput.TIME_SLOT_SWITCH).join();

    assertThat(meter.terminalOutput()).isEqualTo(Dlt645TerminalOutput.TIME_SLOT_SWITCH.code());
  }

  // ---- relay ----

  @Test
  void aTripOpensTheRelayStopsEnergyAndSetsStatusWord3() {
    SimulatedMeter meter = oneMeter();
    Instant deadline = bus.clock.instant().plus(Duration.ofMinutes(10));

    bus.client.relay(METER, RelayCommand.TRIP, deadline).join();
    BigDecimal atTrip = energy();
    bus.clock.advance(Duration.ofHours(1));

    assertThat(meter.relayOpen()).isTrue();
    assertThat(statusWord3() & 0x10).isEqualTo(0x10);
    assertThat(energy()).isEqualByComparingTo(atTrip);
    assertThat(Bcd.value(bus.client.read(METER, 0x02030000).join().value(), 4)).isZero();

    bus.client.relay(METER, RelayCommand.CLOSE_DIRECT, bus.clock.instant().plusSeconds(60)).join();
    bus.clock.advance(Duration.ofHours(1));

    assertThat(statusWord3() & 0x10).isZero();
    assertThat(energy()).isEqualByComparingTo(atTrip.add(new BigDecimal("2.00")));
  }

  @Test
  void aDeadlineInThePastIsRejectedBeforeSending() {
    oneMeter();

    assertThatThrownBy(() -> bus.client.relay(METER, RelayCommand.TRIP, bus.clock.instant().minusSeconds(1))
        .join()).cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    assertThat(bus.simulator.requestsHandled()).isZero();
  }

  @Test
  void theMeterRefusesACommandPastItsOwnClock() {
    SimulatedMeter meter = oneMeter();
    // The meter's clock runs a day ahead of the master's.
    bus.client.broadcastTimeSync(bus.clock.instant().plus(Duration.ofDays(1))).join();

    Dlt645ErrorReplyException e = errorOf(() -> bus.client.relay(METER, RelayCommand.TRIP,
        bus.clock.instant().plus(Duration.ofHours(1))).join());

    assertThat(e.reasons()).containsExactly(Dlt645ErrorReason.OTHER);
    assertThat(meter.relayOpen()).isFalse();
  }

  @Test
  void aRelayCommandWithAWrongPasswordIsRefused() {
    bus.add(bus.meter(METER).passwords(Map.of(0x04, "654321")).build());
    bus.start();
    bus.client.register(METER, Dlt645Edition.V2007, new Dlt645Credentials(0x04, "111111", "12345678"));

    Dlt645ErrorReplyException e = errorOf(() -> bus.client.relay(METER, RelayCommand.TRIP,
        bus.clock.instant().plusSeconds(600)).join());

    assertThat(e.reasons()).containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
  }

  @Test
  void anEsamMeterTakesARelayCommandEncryptedByTheSecurityProvider() {
    ToyEsam esam = new ToyEsam(0x5A);
    SimulatedMeter meter = bus.add(bus.meter(METER).esam(esam).build());
    bus.start(c -> c.securityProvider(esam), l -> l);
    bus.client.register(METER, Dlt645Edition.V2007,
        Dlt645Credentials.factoryDefault().atLevel(Dlt645Credentials.ESAM_LEVEL));

    bus.client.relay(METER, RelayCommand.TRIP, bus.clock.instant().plusSeconds(600)).join();

    assertThat(meter.relayOpen()).isTrue();
  }

  @Test
  void anEsamMeterRefusesCiphertextFromTheWrongKey() {
    bus.add(bus.meter(METER).esam(new ToyEsam(0x5A)).build());
    bus.start(c -> c.securityProvider(new ToyEsam(0x11)), l -> l);
    bus.client.register(METER, Dlt645Edition.V2007,
        Dlt645Credentials.factoryDefault().atLevel(Dlt645Credentials.ESAM_LEVEL));

    assertThat(errorOf(() -> bus.client.relay(METER, RelayCommand.TRIP, bus.clock.instant().plusSeconds(600))
        .join()).reasons()).containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
  }

  @Test
  void clearsAnEsamMeterWithTheProvidersCiphertextOnly() {
    ToyEsam esam = new ToyEsam(0x5A);
    bus.add(bus.meter(METER).esam(esam).initialEnergyKwh(50).build());
    bus.start(c -> c.securityProvider(new ToyEsam(0x11)), l -> l);
    bus.client.register(METER, Dlt645Edition.V2007,
        Dlt645Credentials.factoryDefault().atLevel(Dlt645Credentials.ESAM_LEVEL));

    assertThat(errorOf(() -> bus.client.clearMeter(METER).join()).reasons())
        .containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
    assertThat(energy()).isEqualByComparingTo("50.00");
  }

  @Test
  void clearsAnEsamMeterWithTheRightKey() {
    ToyEsam esam = new ToyEsam(0x5A);
    bus.add(bus.meter(METER).esam(esam).initialEnergyKwh(50).build());
    bus.start(c -> c.securityProvider(esam), l -> l);
    bus.client.register(METER, Dlt645Edition.V2007,
        Dlt645Credentials.factoryDefault().atLevel(Dlt645Credentials.ESAM_LEVEL));

    bus.client.clearMeter(METER).join();

    assertThat(energy()).isZero();
  }

  @Test
  void runsASecurityAuthenticationThroughTheProvider() {
    ToyEsam esam = new ToyEsam(0x5A);
    bus.add(bus.meter(METER).esam(esam).build());
    bus.start(c -> c.securityProvider(esam), l -> l);

    byte[] answer = bus.client.authenticate(METER, 0x070000FF).join();

    assertThat(Bcd.hex(answer)).isEqualTo("5B 58 59 5E 5F 5C 5D 52");
  }

  @Test
  void aFailedSecurityAuthenticationCarriesTheErrorWord() {
    ToyEsam esam = new ToyEsam(0x5A);
    bus.add(bus.meter(METER).esam(esam).build());
    bus.start(c -> c.securityProvider(esam), l -> l);

    Dlt645ErrorReplyException e = errorOf(() -> bus.client.authenticate(METER, 0x07000001).join());

    assertThat(e.isSecurityError()).isTrue();
    assertThat(e.securityErrorWord()).isEqualTo(0x0004);
  }

  // ---- 1997 ----

  @Test
  void writesA1997ClockAndRefusesFunctionsThe1997EditionLacks() {
    SimulatedMeter meter = bus.add(bus.meter(METER_1997).edition(Dlt645Edition.V1997).build());
    bus.start();
    bus.client.register(METER_1997, Dlt645Edition.V1997);

    bus.client.setClock("000000000003", Instant.parse("2026-02-03T04:05:06Z")).join();
    bus.client.clearMaxDemand(METER_1997).join();

    assertThat(meter.meterTime().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 2, 3, 12, 5, 6));
    assertThatThrownBy(() -> bus.client.relay(METER_1997, RelayCommand.TRIP, bus.clock.instant().plusSeconds(9))
        .join()).cause().isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bus.client.freeze(METER_1997, Dlt645FreezeTime.instant()).join())
        .cause().isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changesAddressBaudAndPasswordOfA1997Meter() {
    SimulatedMeter meter = bus.add(bus.meter(METER_1997).edition(Dlt645Edition.V1997).build());
    bus.start();
    Dlt645Address renumbered = Dlt645Address.of("000000000099");
    bus.client.register(renumbered, Dlt645Edition.V1997);

    bus.client.writeAddress(Dlt645Edition.V1997, renumbered).join();
    Dlt645BaudRate rate = bus.client.changeBaud(renumbered, Dlt645BaudRate.B2400).join();
    bus.client.changePassword(renumbered, 0x02, "246810").join();

    assertThat(meter.address()).isEqualTo(renumbered);
    assertThat(rate).isEqualTo(Dlt645BaudRate.B2400);
    assertThat(errorOf(() -> bus.client.clearMaxDemand(renumbered).join()).reasons())
        .containsExactly(Dlt645ErrorReason.PASSWORD_ERROR);
    bus.client.register(renumbered, Dlt645Edition.V1997, new Dlt645Credentials(0x02, "246810", "00000000"));
    bus.client.clearMaxDemand(renumbered).join();
  }
}
