package io.emms.benchmarks.nbiot;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.NbiotCodec;
import io.emms.transport.nbiot.NbiotEndpoint;
import io.emms.transport.nbiot.NbiotEndpointConfig;
import io.emms.transport.nbiot.NbiotFormatException;
import io.emms.transport.nbiot.NbiotListener;
import io.emms.transport.nbiot.internal.CoapSetup;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Uplinks per second handled by the NB-IoT endpoint on loopback: one op is one uplink of four readings, decoded and
 * handed to the listener (and checked against the downlink queue). UDP keeps at most {@value #WINDOW} datagrams in
 * flight, so that none is lost to a full socket buffer; CoAP sends confirmable POSTs from four client threads and
 * waits for each reply. {@code decodeOnly} is the codec's share.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NbiotUplinkBenchmark {

  static final int WINDOW = 32;
  static final Imei IMEI = Imei.of("864215040000017");

  static byte[] uplink() {
    Instant t = Instant.parse("2026-12-03T12:00:00Z");
    String id = IMEI.digits();
    return NbiotCodec.toBytes(new DeviceMessage.Uplink(IMEI, 1, t, List.of(
        Reading.valid(id, Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), new BigDecimal("1206.42"), t),
        Reading.valid(id, Quantity.of(Measurand.VOLTAGE, Phase.A), new BigDecimal("220.3"), t),
        Reading.valid(id, Quantity.of(Measurand.CURRENT, Phase.A), new BigDecimal("5.01"), t),
        Reading.valid(id, Quantity.total(Measurand.ACTIVE_POWER), new BigDecimal("1.103"), t))));
  }

  /** One endpoint listening on UDP and CoAP. */
  @State(Scope.Benchmark)
  public static class Server {
    NbiotEndpoint endpoint;

    @Setup(Level.Trial)
    public void start() {
      endpoint = new NbiotEndpoint(
          NbiotEndpointConfig.builder().udp("127.0.0.1", 0).coap("127.0.0.1", 0).build(), new NbiotListener() {})
          .start();
    }

    @TearDown(Level.Trial)
    public void stop() {
      endpoint.close();
    }
  }

  /** A device's UDP socket. */
  @State(Scope.Thread)
  public static class UdpDevice {
    final ByteBuffer datagram = ByteBuffer.wrap(uplink());
    DatagramChannel channel;
    InetSocketAddress server;
    long sent;

    @Setup(Level.Trial)
    public void open(Server s) throws IOException {
      channel = DatagramChannel.open(StandardProtocolFamily.INET);
      channel.bind(new InetSocketAddress("127.0.0.1", 0));
      server = s.endpoint.udpAddress();
      sent = s.endpoint.uplinks();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A CoAP client per thread. */
  @State(Scope.Thread)
  public static class CoapDevice {
    final byte[] payload = uplink();
    CoapEndpoint endpoint;
    CoapClient client;

    @Setup(Level.Trial)
    public void open(Server s) {
      endpoint = CoapSetup.endpoint(new InetSocketAddress("127.0.0.1", 0));
      client = new CoapClient("coap://127.0.0.1:" + s.endpoint.coapAddress().getPort() + "/up/" + IMEI)
          .setEndpoint(endpoint);
    }

    @TearDown(Level.Trial)
    public void close() {
      client.shutdown();
      endpoint.destroy();
    }
  }

  @Benchmark
  public long udpUplink(Server s, UdpDevice d) throws IOException {
    while (d.sent - s.endpoint.uplinks() >= WINDOW) {
      Thread.onSpinWait();
    }
    d.channel.send(d.datagram.rewind(), d.server);
    return ++d.sent;
  }

  @Benchmark
  @Threads(4)
  public CoapResponse coapUplink(CoapDevice d) throws ConnectorException, IOException {
    return d.client.post(d.payload, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
  }

  /** The decoding share, on one reused buffer. */
  @State(Scope.Thread)
  public static class Encoded {
    final ByteBuf buf = Unpooled.wrappedBuffer(uplink());
  }

  @Benchmark
  public DeviceMessage decodeOnly(Encoded e) throws NbiotFormatException {
    e.buf.readerIndex(0);
    return NbiotCodec.decode(e.buf);
  }
}
