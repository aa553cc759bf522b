package io.emms.dlt645.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.GoldenFrame;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-written request frames from the reference notes, answered by the simulator; the expected replies are
 * worked out by hand (checksums included), not produced by our encoder.
 */
class SimulatorGoldenFrameTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  /** The notes' reply: forward active total 1206.42 kWh of meter 000102030425. */
  private static final String READ_REPLY = GoldenFrame.readReply2007().wire();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final SimulationClock clock = new SimulationClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final PipeLink[] pipe = PipeLink.pair("golden");
  private Dlt645Simulator simulator;
  private RawMasterEnd master;

  private SimulatedMeter start(SimulatedMeterConfig config) {
    SimulatedMeter meter = new SimulatedMeter(config);
    simulator = Dlt645Simulator.attach(pipe[1], meter);
    simulator.start().join();
    master = new RawMasterEnd(pipe[0]);
    return meter;
  }

  private SimulatedMeterConfig.Builder meter2007() {
    return SimulatedMeterConfig.builder(Dlt645Address.of("000102030425")).clock(clock).zone(ZONE)
        .loadProfile(LoadProfile.constant(0)).initialEnergyKwh(1206.42);
  }

  @AfterEach
  void tearDown() {
    pipe[0].close();
    pipe[1].close();
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void answersTheNotesReadOfForwardActiveEnergyWithTheNotesReply() throws Exception {
    start(meter2007().build());

    master.send("68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");

    // 91 = normal reply to 11; DATA 33 33 34 33 | 75 39 45 33 -> DI 00010000, 42 06 12 00 -> 001206.42 kWh.
    assertThat(master.receive(20, WAIT)).isEqualTo(READ_REPLY);
  }

  @Test
  void answersTheNotes1997VoltageReadWithOneHundredVolts() throws Exception {
    start(SimulatedMeterConfig.builder(Dlt645Address.of("000000000003")).edition(Dlt645Edition.V1997)
        .clock(clock).nominalVoltage(100).build());

    master.send("68 03 00 00 00 00 00 68 01 02 44 E9 03 16");

    // DATA 44 E9 | 33 34 -> DI B611, 00 01 -> BCD 0100 -> 100 V (format XXX).
    assertThat(master.receive(16, WAIT)).isEqualTo("68 03 00 00 00 00 00 68 81 04 44 E9 33 34 EC 16");
  }

  @Test
  void switchesTheMultiFunctionTerminalToTheTimeSlotOutput() throws Exception {
    SimulatedMeter meter = start(meter2007().build());

    master.send("68 25 04 03 02 01 00 68 1D 01 35 52 16");

    // 1D with output 02 (time-slot switch, 02 + 33 = 35); the reply 9D echoes it. CS 9C + 01 + 35 = D2.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 9D 01 35 D2 16");
    assertThat(meter.terminalOutput()).isEqualTo(2);
  }

  @Test
  void refusesABaudByteWithTwoBitsAsBaudUnchangeableIn2007() throws Exception {
    start(meter2007().build());

    master.send("68 25 04 03 02 01 00 68 17 01 36 4D 16");

    // Z = 03 names two rates: error reply D7, error byte bit3 "baud cannot change" 08 -> 3B.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 D7 01 3B 12 16");
  }

  @Test
  void refusesABaudByteWithTwoBitsAsIllegalDataIn1997() throws Exception {
    start(SimulatedMeterConfig.builder(Dlt645Address.of("000000000003")).edition(Dlt645Edition.V1997)
        .clock(clock).build());

    master.send("68 03 00 00 00 00 00 68 0C 01 36 16 16");

    // 1997 has no "baud cannot change" bit: error reply CC, error byte bit0 "illegal data" 01 -> 34.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 03 00 00 00 00 00 68 CC 01 34 D4 16");
  }

  @Test
  void prefixesRepliesWithTheConfiguredWakeUpBytes() throws Exception {
    start(meter2007().feCount(2).build());

    master.send("FE FE FE FE 68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");

    assertThat(master.receive(22, WAIT))
        .isEqualTo("FE FE " + READ_REPLY);
  }

  @Test
  void answersAnUnknownIdentifierWithNoRequestedData() throws Exception {
    start(meter2007().build());

    // Read DI 12345678: DATA 78 56 34 12 + 33 each = AB 89 67 45.
    // CS = 68+25+04+03+02+01+00+68 (= FF) +11+04+AB+89+67+45 = 0x2F4 -> F4.
    master.send("68 25 04 03 02 01 00 68 11 04 AB 89 67 45 F4 16");

    // D1 = error reply to 11; ERR 02 (bit1, no requested data) + 33 = 35;
    // CS = 68+25+04+03+02+01+00+68+D1+01+35 = 0x206 -> 06.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 D1 01 35 06 16");
  }

  @Test
  void setsItsClockFromTheNotesBroadcastAndStaysSilent() throws Exception {
    SimulatedMeter meter = start(meter2007().build());

    master.send("68 99 99 99 99 99 99 68 08 06 84 55 43 38 39 4A 4B 16");

    assertThat(master.silentFor(Duration.ofMillis(300))).isTrue();
    assertThat(meter.meterTime().toLocalDateTime()).isEqualTo(LocalDateTime.of(2017, 6, 5, 10, 22, 51));
  }

  @Test
  void ignoresRequestsForOtherMetersAndSkipsGarbage() throws Exception {
    start(meter2007().build());

    // Same read to meter 000102030426: nobody answers. Then noise, then the real request.
    master.send("68 26 04 03 02 01 00 68 11 04 33 33 34 33 E2 16");
    master.send("00 68 13 FF 16 68");
    master.send("68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");

    assertThat(master.receive(20, WAIT)).isEqualTo(READ_REPLY);
    assertThat(master.silentFor(Duration.ofMillis(200))).isTrue();
  }

  // Relay trip to 000102030425 with level 02 password 000000, operator 00000000, N1 = 1A, N2 = 00 and the
  // deadline ss mm hh DD MM YY. Plain DATA 02 00 00 00 | 00 00 00 00 | 1A 00 | deadline, each byte +33H.
  // The meter's clock stands at 2026-03-01 08:00:00 local.

  @Test
  void tripsOnTheHandWrittenRelayCommandWithAFutureDeadline() throws Exception {
    SimulatedMeter meter = start(meter2007().build());

    // Deadline 08:10:00 on 2026-03-01: 00 10 08 01 03 26 -> 33 43 3B 34 36 59.
    // CS = FF (header) + 1C + 10 + CE + CC + 4D + 33 + 33 + 43 + 3B + 34 + 36 + 59 = 0x4B9 -> B9.
    master.send("68 25 04 03 02 01 00 68 1C 10 35 33 33 33 33 33 33 33 4D 33 33 43 3B 34 36 59 B9 16");

    // 9C, L = 0: CS = FF + 9C = 0x19B -> 9B.
    assertThat(master.receive(12, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 9C 00 9B 16");
    assertThat(meter.relayOpen()).isTrue();
  }

  @Test
  void refusesTheRelayCommandWithAWrongPassword() throws Exception {
    SimulatedMeter meter = start(meter2007().build());

    // Password 000001: P0 = 01 -> 34, so CS = B9 + 1 = BA.
    master.send("68 25 04 03 02 01 00 68 1C 10 35 34 33 33 33 33 33 33 4D 33 33 43 3B 34 36 59 BA 16");

    // DC + ERR 04 (bit2, password) -> 37: CS = FF + DC + 01 + 37 = 0x213 -> 13.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 DC 01 37 13 16");
    assertThat(meter.relayOpen()).isFalse();
  }

  @Test
  void refusesTheRelayCommandPastItsDeadline() throws Exception {
    SimulatedMeter meter = start(meter2007().build());

    // Deadline 07:50:00, ten minutes ago: 00 50 07 -> 33 83 3A; CS = B9 + 40 - 01 = F8.
    master.send("68 25 04 03 02 01 00 68 1C 10 35 33 33 33 33 33 33 33 4D 33 33 83 3A 34 36 59 F8 16");

    // DC + ERR 01 (bit0, other) -> 34: CS = FF + DC + 01 + 34 = 0x210 -> 10.
    assertThat(master.receive(13, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 DC 01 34 10 16");
    assertThat(meter.relayOpen()).isFalse();
  }

  @Test
  void keepsAnsweringWhenItsLinkClosesAndOpensAgain() throws Exception {
    start(meter2007().build());

    pipe[1].close();
    pipe[1].open().join();
    master.send("68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");

    assertThat(master.receive(20, WAIT)).isEqualTo(READ_REPLY);
  }

  @Test
  void answersAReadAddressOnlyWhenAddressedByWildcard() throws Exception {
    start(meter2007().build());

    // 13H, L = 0, to AAAAAAAAAAAA: CS = 68 + 6*AA (= 3FC) + 68 + 13 = 0x4DF -> DF.
    master.send("68 AA AA AA AA AA AA 68 13 00 DF 16");

    // 93, L = 6, DATA 25 04 03 02 01 00 + 33 = 58 37 36 35 34 33;
    // CS = 68+25+04+03+02+01+00+68 (= FF) +93+06+58+37+36+35+34+33 = 0x2F9 -> F9.
    assertThat(master.receive(18, WAIT)).isEqualTo("68 25 04 03 02 01 00 68 93 06 58 37 36 35 34 33 F9 16");
  }
}
