package io.emms.transport.nbiot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emms.core.meter.RelayCommand;
import io.emms.core.testing.LeakCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A simulated meter sending its uplinks over CoAP (Californium's client) and taking a command from a reply. */
@ExtendWith(LeakCheck.class)
class CoapMeterTest {

  private static final Imei IMEI = Imei.of("864215040000025");

  @Test
  void aCoapMeterGetsItsRelayCommandInTheReplyToItsUplink() throws Exception {
    List<DeviceMessage.Uplink> uplinks = new CopyOnWriteArrayList<>();
    try (NbiotEndpoint endpoint = new NbiotEndpoint(NbiotEndpointConfig.builder().coap("127.0.0.1", 0).build(),
        new NbiotListener() {
          @Override
          public void onUplink(DeviceMessage.Uplink uplink, java.net.InetSocketAddress source) {
            uplinks.add(uplink);
          }
        }).start()) {
      CoapUplinkLink link = new CoapUplinkLink(endpoint.coapAddress(), IMEI);
      SimulatedNbiotMeter meter = new SimulatedNbiotMeter(IMEI, link, Clock.systemUTC());
      meter.start().join();
      CommandTicket trip = endpoint.enqueue(IMEI, RelayPayload.encode(RelayCommand.TRIP));

      meter.sendReadings().get(20, TimeUnit.SECONDS);
      CommandOutcome outcome = trip.outcome().get(20, TimeUnit.SECONDS);
      meter.sendReadings().get(20, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> uplinks.size() == 2);
      link.close();

      assertThat(outcome.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
      assertThat(meter.tripped()).isTrue();
      assertThat(uplinks.get(0).readings()).hasSize(4);
      assertThat(uplinks.get(1).readings()).anySatisfy(r -> {
        assertThat(r.quantity().measurand()).isEqualTo(io.emms.core.reading.Measurand.CURRENT);
        assertThat(r.value()).isEqualByComparingTo("0");
      });
    }
  }
}
