package io.emms.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUriException;
import io.emms.core.link.LinkUriException.Part;
import io.emms.core.testing.LeakCheck;
import io.emms.core.testing.SocatPtyPair;
import io.emms.transport.serial.FlowControl;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.Rs485Config;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import io.emms.transport.serial.StopBits;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import io.emms.transport.udp.UdpLinkServer;
import io.emms.transport.udp.UdpServerConfig;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheck.class)
class LinkProvidersTest {

  @Test
  void everySchemeIsFoundByServiceLoader() {
    assertThat(LinkProviders.providers()).containsOnlyKeys("serial", "tcp", "rtu-over-tcp", "udp");
  }

  @Test
  void serialUriReachesEveryOption() {
    ConfiguredLink configured = LinkProviders.create("serial:/dev/ttyUSB1?baud=9600&data-bits=7&parity=odd"
        + "&stop-bits=1.5&flow-control=rts-cts&read-timeout=50ms&write-timeout=2s&read-buffer-size=256"
        + "&rs485-rts-active-high=false&rs485-termination=true&rs485-echo=true&rs485-delay-before-us=10"
        + "&rs485-delay-after-us=20");

    SerialConfig config = ((SerialLink) configured.link()).config();
    assertThat(config).isEqualTo(new SerialConfig("/dev/ttyUSB1", 9600, 7, Parity.ODD, StopBits.ONE_POINT_FIVE,
        FlowControl.RTS_CTS, Duration.ofMillis(50), Duration.ofSeconds(2), 256,
        Optional.of(new Rs485Config(false, true, true, 10, 20))));
    assertThat(configured.framing()).isEqualTo(Framing.RTU);
    assertThat(configured.messageOriented()).isFalse();
  }

  @Test
  void serialDefaultsAreSerialConfigDefaults() {
    SerialLink link = (SerialLink) LinkProviders.create("serial:COM3").link();
    assertThat(link.config()).isEqualTo(SerialConfig.of("COM3"));

    SerialLink rs485 = (SerialLink) LinkProviders.create("serial:COM3?rs485=true").link();
    assertThat(rs485.config().rs485()).contains(Rs485Config.defaults());
    SerialLink ascii = (SerialLink) LinkProviders.create("serial:COM3?framing=ascii").link();
    assertThat(ascii.config()).isEqualTo(SerialConfig.of("COM3"));
    assertThat(LinkProviders.create("serial:COM3?framing=ascii").framing()).isEqualTo(Framing.ASCII);
  }

  @Test
  void tcpUriReachesEveryOption() {
    ConfiguredLink configured = LinkProviders.create("tcp://meter-gw.local:1502?connect-timeout=750ms"
        + "&reconnect-min=100ms&reconnect-max=10s&reconnect-jitter=0.5&no-delay=false&keep-alive=no");

    TcpClientConfig config = ((TcpClientLink) configured.link()).config();
    assertThat(config).isEqualTo(new TcpClientConfig("meter-gw.local", 1502, Duration.ofMillis(750),
        ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(10), 0.5), false, false,
        Optional.empty()));
    assertThat(configured.framing()).isEqualTo(Framing.MBAP);

    TcpClientConfig once = ((TcpClientLink) LinkProviders.create("tcp://h:502?reconnect=false").link()).config();
    assertThat(once.reconnect()).isEqualTo(ReconnectPolicy.never());
    TcpClientConfig defaults = ((TcpClientLink) LinkProviders.create("tcp://h:502").link()).config();
    assertThat(defaults).isEqualTo(TcpClientConfig.builder("h", 502).build());
  }

  @Test
  void rtuOverTcpIsTcpWithSerialFraming() {
    ConfiguredLink configured = LinkProviders.create("rtu-over-tcp://10.0.0.9:4001?connect-timeout=1s");

    assertThat(((TcpClientLink) configured.link()).config().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(configured.framing()).isEqualTo(Framing.RTU);
    assertThat(LinkProviders.create("tcp://10.0.0.9:4001?framing=rtu").framing()).isEqualTo(Framing.RTU);
  }

  @Test
  void udpUriReachesEveryOption() {
    ConfiguredLink configured = LinkProviders.create("udp://[::1]:502?local-port=40000&max-datagram-size=512");

    assertThat(((UdpLink) configured.link()).config())
        .isEqualTo(UdpConfig.builder("::1", 502).localPort(40000).maxDatagramSize(512).build());
    assertThat(configured.framing()).isEqualTo(Framing.MBAP);
    assertThat(configured.messageOriented()).isTrue();
  }

  @Test
  void badUrisNameThePartThatIsWrong() {
    assertPart(() -> LinkProviders.create("dtu://4711"), Part.SCHEME,
        "no link provider for scheme \"dtu\"; known schemes are rtu-over-tcp, serial, tcp, udp");
    assertPart(() -> LinkProviders.create("tcp://:502"), Part.HOST, "tcp needs a host");
    assertPart(() -> LinkProviders.create("udp://10.0.0.7"), Part.PORT, "udp needs a port");
    assertPart(() -> LinkProviders.create("tcp://h:0"), Part.PORT, "from 1 to 65535, not \"0\"");
    assertPart(() -> LinkProviders.create("tcp://h:502/modbus"), Part.PATH, "tcp takes no path");
    assertPart(() -> LinkProviders.create("serial:"), Part.PATH, "serial takes a device path");
    assertPart(() -> LinkProviders.create("serial://dev/ttyUSB0"), Part.PATH, "serial takes a device path");
    assertPart(() -> LinkProviders.create("serial:/dev/ttyUSB0?bauds=9600"), Part.OPTION_NAME,
        "serial takes no option \"bauds\"; its options are baud, data-bits, parity");
    assertPart(() -> LinkProviders.create("serial:/dev/ttyUSB0?parity=evn"), Part.OPTION_VALUE,
        "option parity must be one of none, even, odd, mark, space, not \"evn\"");
    assertPart(() -> LinkProviders.create("serial:/dev/ttyUSB0?data-bits=9"), Part.OPTION_VALUE,
        "option data-bits must be a whole number from 5 to 8, not \"9\"");
    assertPart(() -> LinkProviders.create("tcp://h:1?reconnect-min=5s&reconnect-max=1s"), Part.OPTION_VALUE,
        "reconnect-max (PT1S) must not be shorter than reconnect-min (PT5S)");
    assertPart(() -> LinkProviders.create("udp://h:1?framing=rtu&local-port=-1"), Part.OPTION_VALUE,
        "option local-port must be a whole number from 0 to 65535");
    assertPart(() -> LinkProviders.create("udp://h:1?framing=x"), Part.OPTION_VALUE, "framing must be rtu");
  }

  @Test
  void tcpLinkFromUriCarriesBytes() throws Exception {
    Recorder atServer = new Recorder();
    try (TcpLinkServer server = new TcpLinkServer(TcpServerConfig.defaults(),
        link -> link.setListener(atServer.echoingOn(link)))) {
      server.start().join();
      Recorder atClient = new Recorder();
      try (Link link = LinkProviders.create("tcp://127.0.0.1:" + server.port() + "?reconnect=false").link()) {
        link.setListener(atClient);
        link.open().join();
        link.write(Unpooled.copiedBuffer("ping", US_ASCII)).join();

        assertThat(new String(atClient.awaitBytes(4), US_ASCII)).isEqualTo("ping");
        assertThat(new String(atServer.awaitBytes(4), US_ASCII)).isEqualTo("ping");
      }
    }
  }

  @Test
  void udpLinkFromUriCarriesDatagrams() throws Exception {
    try (UdpLinkServer server = new UdpLinkServer(UdpServerConfig.defaults(),
        peer -> peer.setListener(new Recorder().echoingOn(peer)))) {
      server.start().join();
      Recorder atClient = new Recorder();
      try (Link link = LinkProviders.create("udp://127.0.0.1:" + server.port()).link()) {
        link.setListener(atClient);
        link.open().join();
        link.write(Unpooled.copiedBuffer("one", US_ASCII)).join();

        assertThat(atClient.awaitMessages(1)).singleElement().extracting(b -> new String(b, US_ASCII)).isEqualTo("one");
      }
    }
  }

  @Test
  void serialLinkFromUriCarriesBytes(@TempDir Path dir) throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is installed by .ci/run");
    try (SocatPtyPair pty = SocatPtyPair.start(dir);
        SerialLink far = new SerialLink(SerialConfig.builder(pty.b()).parity(Parity.NONE).build());
        Link near = LinkProviders.create("serial:" + pty.a() + "?baud=9600&parity=none").link()) {
      Recorder atFar = new Recorder();
      far.setListener(atFar);
      far.open().join();
      near.setListener(new Recorder());
      near.open().join();
      near.write(Unpooled.copiedBuffer("hello", US_ASCII)).join();

      assertThat(new String(atFar.awaitBytes(5), US_ASCII)).isEqualTo("hello");
    }
  }

  private static void assertPart(ThrowingCallable call, Part part, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(LinkUriException.class, e -> assertThat(e.part()).isEqualTo(part))
        .hasMessageContaining(message);
  }
}
