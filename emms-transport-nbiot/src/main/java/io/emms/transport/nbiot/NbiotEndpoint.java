package io.emms.transport.nbiot;

import io.emms.transport.nbiot.internal.CoapSetup;
import io.emms.transport.nbiot.DownlinkQueue.Route;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of NB-IoT meters: receives their uplinks over UDP and CoAP, keyed by IMEI (never by address:
 * cellular NAT rebinds it every minute or two), and delivers queued downlink commands right after a device's
 * next message, to the address that message came from.
 *
 * <pre>{@code
 * NbiotEndpoint endpoint = new NbiotEndpoint(
 *     NbiotEndpointConfig.builder().udp("127.0.0.1", 5683).coap("127.0.0.1", 5684).build(), listener);
 * endpoint.start();
 * CommandTicket trip = endpoint.enqueue(Imei.of("861234567890123"), RelayPayload.encode(RelayCommand.TRIP));
 * trip.outcome().thenAccept(outcome -> ...);   // ACKNOWLEDGED, REJECTED or EXPIRED
 * }</pre>
 *
 * <p>A UDP device sends version-1 messages ({@link NbiotCodec}) as datagrams and gets downlinks as datagrams. A CoAP
 * device POSTs the same messages to {@code /up} (optionally {@code /up/IMEI} or {@code /up?imei=IMEI}, which must
 * then match the message); a queued downlink rides in the response's payload. Bad payloads are counted, reported
 * to the listener and dropped (CoAP answers 4.00); nothing a device sends can stop the endpoint.
 */
public final class NbiotEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NbiotEndpoint.class);

  private final NbiotEndpointConfig config;
  private final NbiotListener listener;
  private final DownlinkQueue queue;
  private final AtomicLong uplinks = new AtomicLong();
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong badPayloads = new AtomicLong();
  private ScheduledExecutorService sweeper;
  private EventLoopGroup udpGroup;
  private volatile Channel udpChannel;
  private CoapServer coapServer;
  private CoapEndpoint coapEndpoint;

  /** Loads the commands the configured store holds; nothing listens until {@link #start()}. */
  public NbiotEndpoint(NbiotEndpointConfig config, NbiotListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.queue = new DownlinkQueue(config.store(), config.clock(), config.resendInterval(), config.awakeWindow(),
        this::reportOutcome);
  }

  /**
   * Binds the configured listeners and starts the expiry and resend sweep; throws {@link IllegalStateException}
   * if a listener cannot bind. Starting a started endpoint does nothing.
   */
  public synchronized NbiotEndpoint start() {
    if (sweeper != null) {
      return this;
    }
    try {
      config.udp().ifPresent(this::startUdp);
      config.coap().ifPresent(this::startCoap);
    } catch (RuntimeException e) {
      stopListeners();
      throw e;
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("emms-nbiot-sweep", true));
    long period = config.sweepInterval().toMillis();
    sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  private void startUdp(InetSocketAddress address) {
    udpGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("emms-nbiot-udp", true),
        NioIoHandler.newFactory());
    ChannelFuture bind = new Bootstrap()
        .group(udpGroup)
        .channel(NioDatagramChannel.class)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
        .handler(new UdpInbound())
        .bind(address)
        .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new IllegalStateException("cannot listen on udp:" + address, bind.cause());
    }
    udpChannel = bind.channel();
  }

  private void startCoap(InetSocketAddress address) {
    coapEndpoint = CoapSetup.endpoint(address);
    coapServer = new CoapServer(CoapSetup.configuration());
    coapServer.addEndpoint(coapEndpoint);
    coapServer.add(new CoapUplinkResource(this::coapMessage, this::badPayload));
    coapServer.start();
  }

  /** The bound UDP address; only while started with UDP. */
  public synchronized InetSocketAddress udpAddress() {
    if (udpChannel == null) {
      throw new IllegalStateException("not listening on UDP");
    }
    return (InetSocketAddress) udpChannel.localAddress();
  }

  /** The bound CoAP address; only while started with CoAP. */
  public synchronized InetSocketAddress coapAddress() {
    if (coapEndpoint == null) {
      throw new IllegalStateException("not listening on CoAP");
    }
    return coapEndpoint.getAddress();
  }

  /** Queues a command with the default time to live and a fresh idempotency key. */
  public CommandTicket enqueue(Imei imei, byte[] payload) {
    return enqueue(imei, payload, config.defaultTtl(), UUID.randomUUID().toString());
  }

  /**
   * Queues a command for a device, delivered after its next uplink, after the commands queued before it.
   * Queueing the same {@code idempotencyKey} for the same device again returns the first command's ticket.
   */
  public CommandTicket enqueue(Imei imei, byte[] payload, Duration ttl, String idempotencyKey) {
    Objects.requireNonNull(imei, "imei");
    if (payload.length > NbiotCodec.MAX_PAYLOAD) {
      throw new IllegalArgumentException("a downlink payload has at most " + NbiotCodec.MAX_PAYLOAD + " bytes");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    return queue.enqueue(imei, Objects.requireNonNull(idempotencyKey, "idempotencyKey"), payload, ttl);
  }

  /** The commands waiting for a device, the one in flight first. */
  public List<QueuedCommand> pending(Imei imei) {
    return queue.pending(imei);
  }

  /** Uplinks with readings received and decoded. */
  public long uplinks() {
    return uplinks.get();
  }

  /** Acknowledgements received. */
  public long acknowledgements() {
    return acks.get();
  }

  /** Datagrams and CoAP payloads that were not valid messages. */
  public long badPayloads() {
    return badPayloads.get();
  }

  /** Handles one message; returns the downlink to hand the device now, if any. */
  private Optional<Downlink> handle(DeviceMessage message, Route route) {
    if (message instanceof DeviceMessage.Ack ack) {
      acks.incrementAndGet();
      return queue.acknowledged(ack, route);
    }
    DeviceMessage.Uplink uplink = (DeviceMessage.Uplink) message;
    uplinks.incrementAndGet();
    // The queue decides first: a command the listener queues in answer to this uplink waits for the next one.
    Optional<Downlink> next = queue.heard(uplink.imei(), route);
    try {
      listener.onUplink(uplink, route.address());
    } catch (RuntimeException e) {
      log.warn("nbiot: listener failed on an uplink of {}", uplink.imei(), e);
    }
    return next;
  }

  private Optional<Downlink> coapMessage(DeviceMessage message, InetSocketAddress source) {
    return handle(message, new Route(source, false));
  }

  private void badPayload(InetSocketAddress source, NbiotFormatException error) {
    badPayloads.incrementAndGet();
    log.debug("nbiot: bad payload from {}: {}", source, error.getMessage());
    try {
      listener.onBadPayload(source, error);
    } catch (RuntimeException e) {
      log.warn("nbiot: listener failed on a bad payload", e);
    }
  }

  private void reportOutcome(CommandOutcome outcome) {
    try {
      listener.onCommandOutcome(outcome);
    } catch (RuntimeException e) {
      log.warn("nbiot: listener failed on the outcome of command {}", outcome.commandId(), e);
    }
  }

  private void sweep() {
    try {
      for (DownlinkQueue.Send send : queue.sweep()) {
        sendDatagram(send.to(), send.downlink());
      }
    } catch (RuntimeException e) {
      log.warn("nbiot: downlink sweep failed", e);
    }
  }

  private void sendDatagram(InetSocketAddress to, Downlink downlink) {
    Channel channel = udpChannel;
    if (channel != null) {
      channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(NbiotCodec.toBytes(downlink)), to));
    }
  }

  /** Stops listening; queued commands stay in the store for the next endpoint. */
  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
    stopListeners();
  }

  private void stopListeners() {
    if (udpChannel != null) {
      udpChannel.close().awaitUninterruptibly();
      udpChannel = null;
    }
    if (udpGroup != null) {
      udpGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      udpGroup = null;
    }
    if (coapServer != null) {
      coapServer.destroy();
      coapServer = null;
      coapEndpoint = null;
    }
  }

  /** One datagram, one message; the reply (a downlink) goes back to the datagram's source. */
  private final class UdpInbound extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      InetSocketAddress source = packet.sender();
      DeviceMessage message;
      try {
        message = NbiotCodec.decode(packet.content());
      } catch (NbiotFormatException e) {
        badPayload(source, e);
        return;
      }
      handle(message, new Route(source, true)).ifPresent(downlink -> sendDatagram(source, downlink));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("nbiot: UDP socket error", cause);
    }
  }
}
