package io.emms.transport.nbiot.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocols;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUriException;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.nbiot.CommandStatus;
import io.emms.transport.nbiot.CommandTicket;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.RelayPayload;
import io.emms.transport.nbiot.SimulatedNbiotMeter;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fleets name NB-IoT meters: {@code nbiot://} lines from the link SPI, {@code nbiot:IMEI} meters read from uplinks. */
@ExtendWith(LeakCheck.class)
class NbiotFleetTest {

  private static final String IMEI = "864215040000058";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void metersAreCheckedByTheProtocolFoundByServiceLoader() {
    assertThat(MeterProtocols.find("nbiot")).isPresent();
    MeterEndpoint meter = MeterEndpoint.parse("nbiot:" + IMEI, List.of(), MINUTE);
    assertThat(meter.quantitiesToRead()).contains(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT));

    assertThatThrownBy(() -> MeterEndpoint.parse("nbiot:12345", List.of(), MINUTE))
        .hasMessageContaining("15 decimal digits");
    assertThatThrownBy(() -> MeterEndpoint.parse("nbiot:" + IMEI + ":sdm630", List.of(), MINUTE))
        .hasMessageContaining("has no profile");
  }

  @Test
  void linesComeFromNbiotUris() {
    ConfiguredLink link = LinkProviders.create("nbiot://127.0.0.1:5683?coap=5684");
    assertThat(link.link()).isInstanceOf(NbiotUplinkLink.class);
    assertThat(link.link().name()).isEqualTo("nbiot: udp 127.0.0.1:5683 coap 127.0.0.1:5684");
    assertThat(link.messageOriented()).isTrue();
    assertThat(LinkProviders.create("nbiot://127.0.0.1?udp=0&coap=0").link().name())
        .isEqualTo("nbiot: udp 127.0.0.1:0 coap 127.0.0.1:0");

    assertThatThrownBy(() -> LinkProviders.create("nbiot://127.0.0.1?coap=x")).isInstanceOf(LinkUriException.class);
    assertThatThrownBy(() -> LinkProviders.create("nbiot://127.0.0.1:1?colour=red"))
        .isInstanceOf(LinkUriException.class);
    assertThatThrownBy(() -> LinkProviders.create("nbiot://127.0.0.1")).isInstanceOf(LinkUriException.class)
        .hasMessageContaining("UDP, CoAP or both");
    assertThatThrownBy(() -> LinkProviders.create("nbiot://127.0.0.1:1?udp=2")).isInstanceOf(LinkUriException.class);
  }

  @Test
  void aPollAnswersFromTheMetersLatestUplink() throws Exception {
    ConfiguredLink link = LinkProviders.create("nbiot://127.0.0.1?udp=0");
    NbiotUplinkLink uplinks = (NbiotUplinkLink) link.link();
    MeterEndpoint endpoint = MeterEndpoint.parse("nbiot:" + IMEI, List.of(), MINUTE);
    Quantity voltage = Quantity.of(Measurand.VOLTAGE, Phase.A);
    Quantity frequency = Quantity.total(Measurand.FREQUENCY);
    try (Line line = Line.halfDuplex(link.link(), LineConfig.builder().build());
        MeterSession session = new NbiotMeterProtocol().open(line, link)) {
      link.link().open().get(10, TimeUnit.SECONDS);
      List<Reading> before = session.read(endpoint, List.of(voltage)).get(10, TimeUnit.SECONDS);
      assertThat(before).singleElement().satisfies(r -> assertThat(r.quality()).isEqualTo(Quality.NO_DATA));

      UdpLink udp = new UdpLink(UdpConfig.builder("127.0.0.1", uplinks.endpoint().udpAddress().getPort()).build());
      SimulatedNbiotMeter meter = new SimulatedNbiotMeter(Imei.of(IMEI), udp, Clock.systemUTC());
      meter.start().get(10, TimeUnit.SECONDS);
      CommandTicket trip = uplinks.endpoint().enqueue(Imei.of(IMEI), RelayPayload.encode(RelayCommand.TRIP));
      meter.sendReadings().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> uplinks.latest(Imei.of(IMEI)).isPresent());

      List<Reading> after = session.read(endpoint, List.of(voltage, frequency)).get(10, TimeUnit.SECONDS);
      assertThat(after.get(0).quality()).isEqualTo(Quality.VALID);
      assertThat(after.get(0).value()).isEqualByComparingTo("220.0");
      assertThat(after.get(1).quality()).as("the meter does not send its frequency").isEqualTo(Quality.NO_DATA);
      assertThat(trip.outcome().get(20, TimeUnit.SECONDS).status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
      udp.close();
    } finally {
      link.link().close();
    }
  }

  @Test
  void otherLinesAreRefused() {
    ConfiguredLink udp = LinkProviders.create("udp://127.0.0.1:9");
    try (Line line = Line.halfDuplex(udp.link(), LineConfig.builder().build())) {
      assertThatThrownBy(() -> new NbiotMeterProtocol().open(line, udp))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nbiot://");
    }
  }
}
