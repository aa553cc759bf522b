package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.TariffSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads through the client against the simulator, both editions, including follow-up frames. */
@ExtendWith(LeakCheck.class)
class Dlt645ClientReadTest {

  private static final Dlt645Address M2007 = Dlt645Address.of("000102030425");
  private static final Dlt645Address M1997 = Dlt645Address.of("000000000003");

  private final SimulatedBus bus = new SimulatedBus();

  @AfterEach
  void tearDown() {
    bus.close();
  }

  @Test
  void readsForwardActiveEnergy2007() {
    bus.add(bus.meter(M2007).initialEnergyKwh(1206.42).loadProfile(LoadProfile.constant(0)).build());
    bus.start();

    Dlt645ReadResult result = bus.client.read(M2007, 0x00010000).join();

    assertThat(Bcd.hex(result.value())).isEqualTo("42 06 12 00");
    assertThat(result.meter()).isEqualTo(M2007);
    assertThat(result.frames()).isEqualTo(1);
  }

  @Test
  void readsA1997MeterRegisteredOnTheSameBusAsA2007Meter() {
    bus.add(bus.meter(M2007).initialEnergyKwh(1).build());
    bus.add(bus.meter(M1997).edition(Dlt645Edition.V1997).nominalVoltage(230).initialEnergyKwh(50)
        .loadProfile(LoadProfile.constant(0)).build());
    bus.start();
    bus.client.register(M1997, Dlt645Edition.V1997);

    Dlt645ReadResult voltage = bus.client.read(M1997, 0xB611).join();
    Dlt645ReadResult energy = bus.client.read(M1997, 0x9010).join();

    assertThat(voltage.edition()).isEqualTo(Dlt645Edition.V1997);
    assertThat(Bcd.value(voltage.value(), 0)).isEqualByComparingTo("230");
    assertThat(Bcd.value(energy.value(), 2)).isEqualByComparingTo("50.00");
  }

  @Test
  void energyGrowsWithLoadAndTime() {
    bus.add(bus.meter(M2007).loadProfile(LoadProfile.constant(3.0)).tariffs(TariffSchedule.single()).build());
    bus.start();

    BigDecimal before = Bcd.value(bus.client.read(M2007, 0x00010000).join().value(), 2);
    bus.clock.advance(Duration.ofHours(2));
    BigDecimal after = Bcd.value(bus.client.read(M2007, 0x00010000).join().value(), 2);
    BigDecimal tariff1 = Bcd.value(bus.client.read(M2007, 0x00010100).join().value(), 2);

    // 3 kW for 2 h = 6 kWh, all in tariff 1 with a single-rate schedule.
    assertThat(after.subtract(before)).isEqualByComparingTo("6.00");
    assertThat(tariff1).isEqualByComparingTo(after);
  }

  @Test
  void assemblesA2007ReplySplitOverFollowUpFrames() {
    bus.add(bus.meter(M2007).maxReplyData(16).initialEnergyKwh(1000).loadProfile(LoadProfile.constant(0))
        .build());
    bus.start();

    // Block of total + 4 tariffs = 20 bytes: 12 in the first frame (16 - DI), 8 in a follow-up (11 max).
    Dlt645ReadResult block = bus.client.read(M2007, 0x0001FF00).join();

    assertThat(block.frames()).isEqualTo(2);
    assertThat(block.length()).isEqualTo(20);
    // Initial energy is spread 1:2:4:3 over tariffs 1..4.
    assertThat(Bcd.value(block.value(), 0, 4, 2)).isEqualByComparingTo("1000.00");
    assertThat(Bcd.value(block.value(), 4, 4, 2)).isEqualByComparingTo("100.00");
    assertThat(Bcd.value(block.value(), 8, 4, 2)).isEqualByComparingTo("200.00");
    assertThat(Bcd.value(block.value(), 12, 4, 2)).isEqualByComparingTo("400.00");
    assertThat(Bcd.value(block.value(), 16, 4, 2)).isEqualByComparingTo("300.00");
  }

  @Test
  void aLostFollowUpReplyIsAskedForAgainWithTheSameSequenceNumber() {
    bus.add(bus.meter(M2007).maxReplyData(16).initialEnergyKwh(1000).loadProfile(LoadProfile.constant(0))
        .build());
    // Reply 0 is the first part, reply 1 (the follow-up with SEQ 1) is lost.
    bus.start(c -> c, link -> new DroppingLink(link, java.util.Set.of(1)));

    Dlt645ReadResult block = bus.client.read(M2007, 0x0001FF00).join();

    assertThat(bus.client.stats().retries()).isEqualTo(1);
    assertThat(block.frames()).isEqualTo(2);
    assertThat(Bcd.value(block.value(), 16, 4, 2)).isEqualByComparingTo("300.00");
  }

  @Test
  void assemblesA1997ReplySplitOverFollowUpFrames() {
    bus.add(bus.meter(M1997).edition(Dlt645Edition.V1997).maxReplyData(16).initialEnergyKwh(10)
        .loadProfile(LoadProfile.constant(0)).build());
    bus.start();
    bus.client.register(M1997, Dlt645Edition.V1997);

    Dlt645ReadResult block = bus.client.read(M1997, 0x901F).join();

    // 20 bytes: 14 after the 2-byte DI, then 6 in the 82H follow-up.
    assertThat(block.frames()).isEqualTo(2);
    assertThat(Bcd.value(block.value(), 0, 4, 2)).isEqualByComparingTo("10.00");
    assertThat(Bcd.value(block.value(), 16, 4, 2)).isEqualByComparingTo("3.00");
  }

  @Test
  void readsLoadRecordsAcrossSeveralFollowUpFrames() {
    bus.add(bus.meter(M2007).loadProfile(LoadProfile.constant(1.2)).loadRecordInterval(Duration.ofMinutes(15))
        .build());
    bus.start();
    bus.clock.advance(Duration.ofHours(2));

    Dlt645ReadResult records = bus.client.readLatestLoadRecords(M2007, 4).join();

    byte[] v = records.value();
    int recordLength = v[2] + 5; // A0 A0 len | len bytes | CS E5
    assertThat(v.length).isEqualTo(4 * recordLength);
    assertThat(records.frames()).isGreaterThan(1);
    for (int r = 0; r < 4; r++) {
      int at = r * recordLength;
      assertThat(v[at] & 0xFF).isEqualTo(0xA0);
      assertThat(v[at + 1] & 0xFF).isEqualTo(0xA0);
      assertThat(v[at + recordLength - 1] & 0xFF).isEqualTo(0xE5);
    }
    // The last record closes at 02:00 UTC = 10:00 local on 2026-03-01: mm hh DD MM YY.
    int last = 3 * recordLength;
    assertThat(Bcd.hex(java.util.Arrays.copyOfRange(v, last + 3, last + 8))).isEqualTo("00 10 01 03 26");
  }

  @Test
  void readsSeveralIdentifiersInOrder() {
    bus.add(bus.meter(M2007).nominalVoltage(220).initialEnergyKwh(12).loadProfile(LoadProfile.constant(0))
        .build());
    bus.start();

    List<Dlt645ReadResult> results =
        bus.client.readAll(M2007, List.of(0x00010000, 0x02010100, 0x02800002)).join();

    assertThat(results).extracting(Dlt645ReadResult::dataId).containsExactly(0x00010000, 0x02010100, 0x02800002);
    assertThat(Bcd.value(results.get(0).value(), 2)).isEqualByComparingTo("12.00");
    assertThat(Bcd.value(results.get(1).value(), 1)).isEqualByComparingTo("220.0");
    assertThat(Bcd.value(results.get(2).value(), 2)).isEqualByComparingTo("50.00");
  }

  @Test
  void anUnknownIdentifierFailsWithNoRequestedData() {
    bus.add(bus.meter(M2007).build());
    bus.start();

    assertThatThrownBy(() -> bus.client.read(M2007, 0x12345678).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(Dlt645ErrorReplyException.class, e -> {
          assertThat(e.reasons()).containsExactly(Dlt645ErrorReason.NO_REQUESTED_DATA);
          assertThat(e.meterId()).isEqualTo("000102030425");
        });
  }

  @Test
  void anUnknown1997IdentifierFailsWithWrongDataIdentifier() {
    bus.add(bus.meter(M1997).edition(Dlt645Edition.V1997).build());
    bus.start();
    bus.client.register(M1997, Dlt645Edition.V1997);

    assertThatThrownBy(() -> bus.client.read(M1997, 0xD123).join())
        .cause()
        .isInstanceOfSatisfying(Dlt645ErrorReplyException.class,
            e -> assertThat(e.reasons()).containsExactly(Dlt645ErrorReason.WRONG_DATA_IDENTIFIER));
  }
}
