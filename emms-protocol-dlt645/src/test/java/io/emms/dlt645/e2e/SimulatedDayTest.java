package io.emms.dlt645.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.catalogue.Dlt645Value;
import io.emms.dlt645.catalogue.Dlt645ValueCodec;
import io.emms.dlt645.catalogue.LoadRecord;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645ReadResult;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.dlt645.simulator.SimulationClock;
import io.emms.dlt645.simulator.TariffSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A day on a shared bus: a 2007 and a 1997 meter with household load and noise, polled hourly through the
 * core {@code MeterReader}; the simulator's records decoded by the catalogue, not by simulator code.
 */
class SimulatedDayTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Dlt645Address HOUSE = Dlt645Address.of("000000000101");
  private static final Dlt645Address SHOP = Dlt645Address.of("000000000202");
  private static final Quantity ENERGY = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
  private static final Quantity VOLTAGE_A = Quantity.of(Measurand.VOLTAGE, Phase.A);

  private final SimulationClock clock = new SimulationClock(Instant.parse("2026-03-01T16:00:00Z"));
  private final PipeLink[] pipe = PipeLink.pair("day");
  private Dlt645Simulator simulator;
  private Dlt645Client client;

  @AfterEach
  void tearDown() {
    client.close();
    pipe[0].close();
    pipe[1].close();
    simulator.close();
  }

  private SimulatedMeter[] startBus() {
    SimulatedMeter house = new SimulatedMeter(SimulatedMeterConfig.builder(HOUSE).clock(clock).zone(ZONE)
        .loadProfile(LoadProfile.residential(0.3, 2.5)).noise(0.01).seed(1).feCount(2).build());
    SimulatedMeter shop = new SimulatedMeter(SimulatedMeterConfig.builder(SHOP).edition(Dlt645Edition.V1997)
        .clock(clock).zone(ZONE).loadProfile(LoadProfile.constant(4)).tariffs(TariffSchedule.single()).seed(2)
        .build());
    simulator = Dlt645Simulator.attach(pipe[1], house, shop);
    simulator.start().join();
    client = Dlt645Client.create(pipe[0], Dlt645ClientConfig.builder().clock(clock).zone(ZONE)
        .responseTimeout(Duration.ofSeconds(2)).retry(Dlt645RetryPolicy.NONE).build());
    client.register(SHOP, Dlt645Edition.V1997);
    client.connect().join();
    return new SimulatedMeter[] {house, shop};
  }

  @Test
  void hourlyPollsFollowTheLoadOfBothEditions() {
    startBus();
    List<BigDecimal> house = new ArrayList<>();
    List<BigDecimal> shop = new ArrayList<>();

    for (int hour = 0; hour <= 24; hour++) {
      List<Reading> h = client.read(HOUSE.toString(), List.of(ENERGY, VOLTAGE_A)).join();
      List<Reading> s = client.read(SHOP.toString(), List.of(ENERGY, VOLTAGE_A)).join();
      assertThat(h).extracting(Reading::quality).containsOnly(Quality.VALID);
      assertThat(s).extracting(Reading::quality).containsOnly(Quality.VALID);
      // 1% noise around 220 V: far inside ±10 %.
      assertThat(h.get(1).value()).isBetween(new BigDecimal("198"), new BigDecimal("242"));
      house.add(h.get(0).value());
      shop.add(s.get(0).value());
      clock.advance(Duration.ofHours(1));
    }

    // The shop draws a flat 4 kW: 96 kWh a day, 4 kWh every hour.
    assertThat(shop.get(24).subtract(shop.get(0))).isEqualByComparingTo("96.00");
    for (int i = 1; i <= 24; i++) {
      assertThat(shop.get(i).subtract(shop.get(i - 1))).isBetween(new BigDecimal("3.99"), new BigDecimal("4.01"));
      assertThat(house.get(i)).isGreaterThanOrEqualTo(house.get(i - 1));
    }
    // The household peak (19:00 local = 11:00 UTC, the 19th poll interval) uses more than the night base.
    BigDecimal night = house.get(12).subtract(house.get(11)); // 03:00-04:00 local
    BigDecimal evening = house.get(20).subtract(house.get(19)); // 19:00-20:00 local
    assertThat(evening).isGreaterThan(night.multiply(BigDecimal.valueOf(4)));
  }

  @Test
  void loadRecordsFromTheSimulatorDecodeWithTheCatalogue() {
    startBus();
    clock.advance(Duration.ofHours(3));

    Dlt645ReadResult raw = client.readLatestLoadRecords(HOUSE, 8).join();
    Dlt645Catalogue catalogue = Dlt645Catalogue.of(Dlt645Edition.V2007);
    Dlt645Value decoded = Dlt645ValueCodec.decode(catalogue.find(0x06000002).orElseThrow(), raw.valueBuffer())
        .value();

    assertThat(decoded).isInstanceOf(Dlt645Value.Elements.class);
    List<Dlt645Value> records = ((Dlt645Value.Elements) decoded).elements();
    assertThat(records).hasSize(8);
    LoadRecord last = (LoadRecord) records.get(7);
    assertThat(last.checksumValid()).isTrue();
    // Three hours after 00:00 local the last 15-minute record closes at 03:00 local.
    assertThat(last.time()).isEqualTo(LocalDateTime.of(2026, 3, 2, 3, 0));
    assertThat(last.value(LoadRecord.LoadField.VOLTAGE_A)).contains(new BigDecimal("220.0"));
    assertThat(last.value(LoadRecord.LoadField.FREQUENCY)).contains(new BigDecimal("50.00"));
    assertThat(raw.frames()).isGreaterThan(1);
  }

  @Test
  void eventsAndStatusWordsFromTheSimulatorDecodeWithTheCatalogue() {
    SimulatedMeter house = startBus()[0];
    house.powerDown(clock.instant().minusSeconds(3600), clock.instant().minusSeconds(1800));
    Dlt645Catalogue catalogue = Dlt645Catalogue.of(Dlt645Edition.V2007);

    Dlt645Value record = Dlt645ValueCodec.decode(catalogue.find(0x03110001).orElseThrow(),
        client.read(HOUSE, 0x03110001).join().valueBuffer()).value();
    Dlt645Value count = Dlt645ValueCodec.decode(catalogue.find(0x03110000).orElseThrow(),
        client.read(HOUSE, 0x03110000).join().valueBuffer()).value();

    assertThat(count).isEqualTo(new Dlt645Value.Decimal(BigDecimal.ONE));
    assertThat(record).isInstanceOfSatisfying(io.emms.dlt645.catalogue.PowerDownRecord.class, r -> {
      assertThat(r.start()).contains(LocalDateTime.of(2026, 3, 1, 23, 0));
      assertThat(r.end()).contains(LocalDateTime.of(2026, 3, 1, 23, 30));
    });
  }
}
