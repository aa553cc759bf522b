package io.emms.transport.nbiot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.emms.core.meter.RelayCommand;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.nbiot.internal.CoapSetup;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The endpoint on real loopback sockets: plain UDP datagrams and a Californium CoAP client. */
@ExtendWith(LeakCheck.class)
class NbiotEndpointTest {

  private static final Imei METER = Imei.of("861234567890123");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Recorder recorder = new Recorder();
  private final InMemoryDownlinkStore store = new InMemoryDownlinkStore();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private NbiotEndpoint start(NbiotEndpointConfig.Builder config) {
    NbiotEndpoint endpoint = new NbiotEndpoint(config.store(store).build(), recorder).start();
    toClose.add(endpoint);
    return endpoint;
  }

  private NbiotEndpoint startUdp() {
    return start(NbiotEndpointConfig.builder().udp("127.0.0.1", 0));
  }

  private Device device() throws IOException {
    Device device = new Device(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
    toClose.add(device.socket);
    return device;
  }

  @Test
  void aUdpUplinkIsDecodedAndReportedWithItsSource() throws Exception {
    NbiotEndpoint endpoint = startUdp();
    Device device = device();

    device.send(GoldenVectors.get("uplink"), endpoint.udpAddress());

    Recorder.Heard heard = recorder.uplinks.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(heard).isNotNull();
    assertThat(heard.uplink().imei()).isEqualTo(METER);
    assertThat(heard.uplink().readings()).hasSize(3);
    assertThat(heard.source()).isEqualTo(device.socket.getLocalSocketAddress());
    assertThat(endpoint.uplinks()).isEqualTo(1);
  }

  @Test
  void badDatagramsAreCountedAndReportedAndTheEndpointGoesOn() throws Exception {
    NbiotEndpoint endpoint = startUdp();
    Device device = device();

    device.send(GoldenVectors.get("bad-version"), endpoint.udpAddress());
    device.send(new byte[] {(byte) 0xFF}, endpoint.udpAddress());
    device.send(GoldenVectors.get("uplink"), endpoint.udpAddress());

    assertThat(recorder.uplinks.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(endpoint.badPayloads()).isEqualTo(2);
    assertThat(recorder.badPayloads).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(NbiotFormatException.class));
  }

  @Test
  void aThrowingListenerDoesNotStopTheEndpoint() throws Exception {
    NbiotEndpoint endpoint = new NbiotEndpoint(NbiotEndpointConfig.builder().udp("127.0.0.1", 0).build(),
        new NbiotListener() {
          @Override
          public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
            throw new IllegalStateException("listener bug");
          }
        }).start();
    toClose.add(endpoint);
    CommandTicket trip = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP));
    Device device = device();

    device.send(GoldenVectors.get("uplink"), endpoint.udpAddress());
    Downlink downlink = device.receiveDownlink();
    device.send(NbiotCodec.toBytes(new DeviceMessage.Ack(METER, downlink.commandId(), true)), endpoint.udpAddress());

    assertThat(trip.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status())
        .isEqualTo(CommandStatus.ACKNOWLEDGED);
  }

  @Test
  void aQueuedCommandFollowsTheDeviceToItsNewAddressAndEndsAcknowledged() throws Exception {
    NbiotEndpoint endpoint = startUdp();
    CommandTicket trip = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP));
    Device before = device();
    Device after = device(); // the same meter after cellular NAT gave it a new source port

    before.send(GoldenVectors.get("uplink"), endpoint.udpAddress());
    Downlink first = before.receiveDownlink();
    after.send(GoldenVectors.get("uplink"), endpoint.udpAddress());
    Downlink again = after.receiveDownlink();
    after.send(NbiotCodec.toBytes(new DeviceMessage.Ack(METER, again.commandId(), true)), endpoint.udpAddress());

    assertThat(first.commandId()).isEqualTo(trip.commandId());
    assertThat(again.commandId()).isEqualTo(trip.commandId());
    assertThat(RelayPayload.decode(again.payload())).contains(RelayCommand.TRIP);
    CommandOutcome outcome = trip.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(recorder.outcomes).containsExactly(outcome);
    assertThat(endpoint.pending(METER)).isEmpty();
    assertThat(endpoint.uplinks()).isEqualTo(2);
    assertThat(endpoint.acknowledgements()).isEqualTo(1);
  }

  @Test
  void theNextCommandFollowsAnAcknowledgementAtOnce() throws Exception {
    NbiotEndpoint endpoint = startUdp();
    CommandTicket first = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP));
    CommandTicket second = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.CLOSE_ALLOWED));
    Device device = device();

    device.send(GoldenVectors.get("uplink"), endpoint.udpAddress());
    assertThat(device.receiveDownlink().commandId()).isEqualTo(first.commandId());
    device.send(NbiotCodec.toBytes(new DeviceMessage.Ack(METER, first.commandId(), true)), endpoint.udpAddress());
    Downlink next = device.receiveDownlink();
    device.send(NbiotCodec.toBytes(new DeviceMessage.Ack(METER, next.commandId(), false)), endpoint.udpAddress());

    assertThat(next.commandId()).isEqualTo(second.commandId());
    assertThat(second.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status())
        .isEqualTo(CommandStatus.REJECTED);
  }

  @Test
  void anUnacknowledgedCommandIsResentWhileTheDeviceIsAwake() throws Exception {
    NbiotEndpoint endpoint = start(NbiotEndpointConfig.builder().udp("127.0.0.1", 0)
        .resendInterval(Duration.ofMillis(100)).awakeWindow(Duration.ofMinutes(5)));
    CommandTicket trip = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP));
    Device device = device();

    device.send(GoldenVectors.get("uplink"), endpoint.udpAddress());
    Downlink sent = device.receiveDownlink();
    Downlink resent = device.receiveDownlink(); // no uplink in between: the sweep sent it again

    assertThat(resent).usingRecursiveComparison().isEqualTo(sent);
    assertThat(trip.outcome()).isNotDone();
  }

  @Test
  void anExpiredCommandIsReportedAndNeverDelivered() throws Exception {
    NbiotEndpoint endpoint = startUdp();
    CommandTicket soon = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP), Duration.ofMillis(50), "k");

    CommandOutcome outcome = soon.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(outcome.attempts()).isZero();
    assertThat(endpoint.pending(METER)).isEmpty();
    assertThat(store.loadAll()).isEmpty();
  }

  @Test
  void theQueueSurvivesARestartOfTheEndpoint() throws Exception {
    NbiotEndpoint first = startUdp();
    CommandTicket trip = first.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP), Duration.ofHours(1), "trip-1");
    first.close();

    NbiotEndpoint second = startUdp();
    Device device = device();
    device.send(GoldenVectors.get("uplink"), second.udpAddress());
    Downlink delivered = device.receiveDownlink();
    device.send(NbiotCodec.toBytes(new DeviceMessage.Ack(METER, delivered.commandId(), true)), second.udpAddress());

    assertThat(delivered.commandId()).isEqualTo(trip.commandId());
    await().atMost(PATIENCE).until(() -> !recorder.outcomes.isEmpty());
    assertThat(recorder.outcomes).singleElement().satisfies(o -> {
      assertThat(o.commandId()).isEqualTo(trip.commandId());
      assertThat(o.status()).isEqualTo(CommandStatus.ACKNOWLEDGED);
    });
  }

  @Test
  void coapUplinksNamedByPathOrQueryGetTheirCommandInTheReply() throws Exception {
    NbiotEndpoint endpoint = start(NbiotEndpointConfig.builder().coap("127.0.0.1", 0));
    CommandTicket trip = endpoint.enqueue(METER, RelayPayload.encode(RelayCommand.TRIP));
    String base = "coap://127.0.0.1:" + endpoint.coapAddress().getPort() + "/up";

    CoapResponse reply = post(base + "/" + METER, GoldenVectors.get("uplink"));
    assertThat(reply.getCode()).isEqualTo(ResponseCode.CHANGED);
    Downlink downlink = NbiotCodec.decodeDownlink(reply.getPayload());
    CoapResponse acked = post(base + "?imei=" + METER,
        NbiotCodec.toBytes(new DeviceMessage.Ack(METER, downlink.commandId(), true)));

    assertThat(downlink.commandId()).isEqualTo(trip.commandId());
    assertThat(acked.getCode()).isEqualTo(ResponseCode.CHANGED);
    assertThat(acked.getPayload()).isEmpty();
    assertThat(trip.outcome().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status())
        .isEqualTo(CommandStatus.ACKNOWLEDGED);
    assertThat(recorder.uplinks).hasSize(1);
  }

  @Test
  void badCoapPayloadsAndMismatchedImeisAreRefusedWith400() throws Exception {
    NbiotEndpoint endpoint = start(NbiotEndpointConfig.builder().coap("127.0.0.1", 0));
    String base = "coap://127.0.0.1:" + endpoint.coapAddress().getPort() + "/up";

    CoapResponse garbage = post(base, new byte[] {1, 2, 3});
    CoapResponse otherMeter = post(base + "/861234567890999", GoldenVectors.get("uplink"));
    CoapResponse good = post(base, GoldenVectors.get("uplink"));

    assertThat(garbage.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
    assertThat(otherMeter.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
    assertThat(otherMeter.getResponseText()).contains("861234567890999");
    assertThat(good.getCode()).isEqualTo(ResponseCode.CHANGED);
    assertThat(endpoint.badPayloads()).isEqualTo(2);
    assertThat(endpoint.uplinks()).isEqualTo(1);
  }

  private CoapResponse post(String uri, byte[] payload) throws Exception {
    CoapEndpoint clientEndpoint = CoapSetup.endpoint(new InetSocketAddress("127.0.0.1", 0));
    CoapClient client = new CoapClient(uri).setEndpoint(clientEndpoint).setTimeout(PATIENCE.toMillis());
    try {
      CoapResponse response = client.post(payload, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
      assertThat(response).as("a CoAP reply from " + uri).isNotNull();
      return response;
    } finally {
      client.shutdown();
      clientEndpoint.destroy();
    }
  }

  /** A device's UDP socket. */
  private record Device(DatagramSocket socket) {
    void send(byte[] bytes, InetSocketAddress to) throws IOException {
      socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    Downlink receiveDownlink() throws Exception {
      byte[] buffer = new byte[2048];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.setSoTimeout((int) PATIENCE.toMillis());
      socket.receive(packet);
      return NbiotCodec.decodeDownlink(Arrays.copyOf(buffer, packet.getLength()));
    }
  }

  /** Everything the endpoint reports. */
  static final class Recorder implements NbiotListener {
    record Heard(DeviceMessage.Uplink uplink, InetSocketAddress source) {}

    final BlockingQueue<Heard> uplinks = new LinkedBlockingQueue<>();
    final List<CommandOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<NbiotFormatException> badPayloads = new CopyOnWriteArrayList<>();

    @Override
    public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
      uplinks.add(new Heard(uplink, source));
    }

    @Override
    public void onCommandOutcome(CommandOutcome outcome) {
      outcomes.add(outcome);
    }

    @Override
    public void onBadPayload(InetSocketAddress source, NbiotFormatException error) {
      badPayloads.add(error);
    }
  }
}
