package io.emms.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkProviders;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.mqtt.testing.HiveMqBroker;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DL/T 645 frames tunnelled through HiveMQ: the client and the simulator each on an MQTT link, unchanged. */
@ExtendWith(LeakCheck.class)
class MqttLinkTest {

  @TempDir static Path dir;
  static HiveMqBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = HiveMqBroker.start(dir);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aDlt645ClientReadsAndSwitchesASimulatedMeterThroughTheBroker() {
    Dlt645Address address = Dlt645Address.of("000102030425");
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(address).initialEnergyKwh(1206.42).build());
    MqttLink dtu = MqttLink.device(broker.client("dtu-1").build(), "dtu/1/down", "dtu/1/up");
    MqttLink headEnd = MqttLink.master(broker.client("head-end-1").build(), "dtu/1/down", "dtu/1/up");
    try (dtu; headEnd; Dlt645Simulator simulator = Dlt645Simulator.attach(dtu, meter);
        Dlt645Client client = Dlt645Client.create(headEnd, Dlt645ClientConfig.builder().responseTimeout(Duration.ofSeconds(5)).build())) {
      simulator.start().join();
      client.connect().join();

      List<Reading> readings = client.read(address.toString(), List.of(
          Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A))).join();
      assertThat(readings).allMatch(r -> r.quality() == Quality.VALID);
      assertThat(readings.get(0).value()).isBetween(new BigDecimal("1206.42"), new BigDecimal("1206.52"));

      client.relay(address.toString(), RelayCommand.TRIP, Instant.now().plusSeconds(60)).join();
      assertThat(meter.relayOpen()).isTrue();
      assertThat(simulator.requestsHandled()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aLinkWithAWrongPasswordFailsToOpenWithALinkException() {
    MqttLink link = MqttLink.master(
        MqttClientConfig.builder(broker.uri(), "bad-link").credentials(broker.username(), "nope").build(), "a/down", "a/up");
    assertThatThrownBy(() -> link.open().join()).isInstanceOf(CompletionException.class).cause().isInstanceOf(LinkException.class);
    assertThat(link.isOpen()).isFalse();
  }

  @Test
  void writingToAClosedLinkFailsAndReleasesTheBuffer() {
    MqttLink link = MqttLink.master(broker.client("closed-link").build(), "b/down", "b/up");
    var data = Unpooled.wrappedBuffer(new byte[] {0x68});
    assertThatThrownBy(() -> link.write(data).join()).cause().isInstanceOf(LinkException.class);
    assertThat(data.refCnt()).isZero();
  }

  @Test
  void theMqttSchemeIsFoundThroughTheLinkProviders() {
    ConfiguredLink configured = LinkProviders.create("mqtt://127.0.0.1:1883/site/dtu-9");
    try (Link link = configured.link()) {
      assertThat(link).isInstanceOf(MqttLink.class);
      assertThat(configured.messageOriented()).isFalse();
      assertThat(link.name()).contains(">site/dtu-9/down").contains("<site/dtu-9/up");
    }
  }

  @Test
  void uriNamesTopicsClientAndPasswordFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), broker.password() + "\n");
    MqttLinkUri uri = MqttLinkUri.parse("mqtt://127.0.0.1:" + broker.uri().replaceAll(".*:", "")
        + "/site-7/dtu-42?client-id=poller&username=" + broker.username() + "&password-file=" + secret);
    assertThat(uri.downTopic()).isEqualTo("site-7/dtu-42/down");
    assertThat(uri.upTopic()).isEqualTo("site-7/dtu-42/up");
    assertThat(uri.clientId()).isEqualTo("poller");
    try (MqttLink link = MqttLink.fromUri(uri)) {
      link.open().join();
      assertThat(link.isOpen()).isTrue();
    }
    assertThat(MqttLinkUri.parse("mqtt://broker.example?down=x/d&up=x/u").broker()).isEqualTo("tcp://broker.example:1883");
    assertThatThrownBy(() -> MqttLinkUri.parse("mqtt://h/t?password=x")).hasMessageContaining("takes no option \"password\"");
    assertThatThrownBy(() -> MqttLinkUri.parse("mqtt://h")).hasMessageContaining("topic base");
  }
}
