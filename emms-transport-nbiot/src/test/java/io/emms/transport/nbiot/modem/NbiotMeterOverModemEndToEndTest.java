package io.emms.transport.nbiot.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Measurand;
import io.emms.core.testing.LeakCheck;
import io.emms.core.testing.SocatPtyPair;
import io.emms.transport.nbiot.CommandOutcome;
import io.emms.transport.nbiot.CommandStatus;
import io.emms.transport.nbiot.CommandTicket;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.NbiotEndpoint;
import io.emms.transport.nbiot.NbiotEndpointConfig;
import io.emms.transport.nbiot.NbiotListener;
import io.emms.transport.nbiot.RelayPayload;
import io.emms.transport.nbiot.SimulatedNbiotMeter;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated NB-IoT meter talks AT commands over a socat pty pair to the modem emulator, which carries its
 * datagrams over loopback UDP to the endpoint. The modem sleeps in PSM between uplinks and comes back from a new
 * source port (NAT rebinding).
 */
@ExtendWith(LeakCheck.class)
class NbiotMeterOverModemEndToEndTest {

  private static final Imei IMEI = Imei.of("864215040000017");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;
  private SocatPtyPair ptys;
  private Bc95Emulator modem;
  private NbiotEndpoint endpoint;
  private Bc95Link driver;
  private final List<InetSocketAddress> uplinkSources = new CopyOnWriteArrayList<>();
  private final List<DeviceMessage.Uplink> uplinks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    ptys = SocatPtyPair.start(dir);
    modem = new Bc95Emulator(new SerialLink(SerialConfig.builder(ptys.b()).baudRate(9600).parity(Parity.NONE)
        .readTimeout(Duration.ofMillis(50)).build()), true).start();
    endpoint = new NbiotEndpoint(NbiotEndpointConfig.builder().udp("127.0.0.1", 0).build(), new NbiotListener() {
      @Override
      public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
        uplinks.add(uplink);
        uplinkSources.add(source);
      }
    }).start();
    driver = Bc95Link.overSerial(ptys.a(), Bc95Config.of("127.0.0.1", endpoint.udpAddress().getPort())
        .withPsm(new PsmTimers(Duration.ofHours(1), Duration.ofMinutes(2))));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (driver != null) {
      driver.close();
    }
    if (modem != null) {
      modem.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
    if (ptys != null) {
      ptys.close();
    }
  }

  @Test
  void aRelayCommandQueuedWhileTheMeterSleepsIsDeliveredWhenItWakesAndAnotherExpires() throws Exception {
    SimulatedNbiotMeter meter = new SimulatedNbiotMeter(IMEI, driver, Clock.systemUTC());
    meter.start().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    meter.sendReadings().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    await().atMost(PATIENCE).until(() -> uplinks.size() == 1);
    modem.sleep();

    CommandTicket trip = endpoint.enqueue(IMEI, RelayPayload.encode(RelayCommand.TRIP), Duration.ofHours(1), "trip");
    CommandTicket late = endpoint.enqueue(IMEI, RelayPayload.encode(RelayCommand.CLOSE_DIRECT),
        Duration.ofMillis(300), "close");
    CommandOutcome expired = late.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(expired.status()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(expired.attempts()).isZero();
    assertThat(trip.outcome()).isNotDone();

    meter.sendReadings().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    CommandOutcome delivered = trip.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(delivered.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(delivered.attempts()).as("sent once: after the wake-up uplink").isEqualTo(1);
    assertThat(meter.relayLog()).containsExactly(RelayCommand.TRIP);
    assertThat(meter.tripped()).isTrue();
    assertThat(uplinks).hasSize(2);
    assertThat(uplinks.get(1).readings()).anySatisfy(r -> {
      assertThat(r.quantity().measurand()).isEqualTo(Measurand.ACTIVE_ENERGY_IMPORT);
      assertThat(r.value()).isEqualByComparingTo("1000.25");
    });
    assertThat(uplinkSources.get(1)).as("the modem woke from PSM on a new source port")
        .isNotEqualTo(uplinkSources.get(0));
  }

  @Test
  void noDatagramReachesASleepingModemUntilItSends() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout((int) PATIENCE.toMillis());
      // The modem hands on datagrams from its server only: here the test's socket is that server.
      driver = Bc95Link.overSerial(ptys.a(), Bc95Config.of("127.0.0.1", server.getLocalPort())
          .withPsm(new PsmTimers(Duration.ofHours(1), Duration.ofMinutes(2))));
      List<byte[]> received = new CopyOnWriteArrayList<>();
      driver.setListener(data -> {
        byte[] bytes = new byte[data.readableBytes()];
        data.readBytes(bytes);
        received.add(bytes);
      });
      driver.open().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      driver.write(Unpooled.wrappedBuffer(new byte[] {1})).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      DatagramPacket first = new DatagramPacket(new byte[16], 16);
      server.receive(first);
      modem.sleep();

      server.send(new DatagramPacket(new byte[] {9}, 1, first.getSocketAddress()));
      await().atMost(PATIENCE).until(() -> modem.droppedWhileAsleep() == 1);
      assertThat(received).isEmpty();

      driver.write(Unpooled.wrappedBuffer(new byte[] {2})).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      DatagramPacket second = new DatagramPacket(new byte[16], 16);
      server.receive(second);
      server.send(new DatagramPacket(new byte[] {7, 7}, 2, second.getSocketAddress()));

      await().atMost(PATIENCE).until(() -> received.size() == 1);
      assertThat(received.get(0)).containsExactly(7, 7);
      assertThat(second.getSocketAddress()).as("woken from PSM on a new port").isNotEqualTo(first.getSocketAddress());
    }
  }
}
