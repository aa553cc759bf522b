package io.emms.transport.dtu;

import io.emms.core.link.LinkException;
import io.emms.transport.dtu.internal.ConnectionOwner;
import io.emms.transport.dtu.internal.ConnectionSink;
import io.emms.transport.dtu.internal.DtuConnectionHandler;
import io.emms.transport.internal.BoundChannel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts DTUs that dial in over TCP, learns each one's id from its registration packet, takes registration and
 * heartbeats out of the stream, and gives every DTU one {@link DtuLink} found by that id: the master polls the
 * meters behind it through that link, one request at a time.
 *
 * <pre>{@code
 * try (DtuServer server = new DtuServer(DtuServerConfig.builder()
 *     .bindAddress("0.0.0.0").port(9000).framing(DtuFraming.named("usr-iot")).build())) {
 *   server.start().join();
 *   DtuLink line = server.link("DTU-7");       // exists before DTU-7 dials in
 *   Dlt645Client client = Dlt645Client.create(line, Dlt645ClientConfig.builder().build());
 *   client.connect().join();                   // completes when DTU-7 has registered
 * }
 * }</pre>
 *
 * <p>A connection must register within the deadline, with nothing before the registration; otherwise it is closed
 * and counted. The same id registering again closes the older connection ("last connection wins"). A registered
 * connection silent for the idle timeout (2.5 heartbeat intervals by default) is closed. Per connection the server
 * holds at most one registration's and one heartbeat's worth of bytes, and a bounded write buffer.
 */
public final class DtuServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DtuServer.class);
  /** The servers listening in this process, which {@code dtu://ID} URIs ({@link DtuLinkProvider}) resolve against. */
  private static final Set<DtuServer> LISTENING = ConcurrentHashMap.newKeySet();

  private final DtuServerConfig config;
  private final DtuListener listener;
  private final Monitor monitor = new Monitor();
  private final Map<String, DtuLink> links = new ConcurrentHashMap<>();
  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final BoundChannel bound;

  public DtuServer(DtuServerConfig config) {
    this(config, DtuListener.NONE);
  }

  /** @param listener told of connections, registrations, losses and rejections, on their event loops */
  public DtuServer(DtuServerConfig config, DtuListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.bound = new BoundChannel("tcp", config.eventLoopGroup(), log);
  }

  public DtuServerConfig config() {
    return config;
  }

  /** Binds; completes with the bound address, or fails with a {@link LinkException}. Starts only once. */
  public CompletableFuture<InetSocketAddress> start() {
    WriteBufferWaterMark watermark = new WriteBufferWaterMark(
        Math.max(1, config.writeBufferLimit() / 2), config.writeBufferLimit());
    return bound.start(config.bindAddress(), config.port(), group -> new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, watermark)
        .childHandler(new Initializer())
        .bind(config.bindAddress(), config.port()), channel -> LISTENING.add(this));
  }

  /** The servers listening in this process now, in no particular order. */
  public static List<DtuServer> listening() {
    return List.copyOf(LISTENING);
  }

  public InetSocketAddress localAddress() {
    return bound.localAddress();
  }

  public int port() {
    return localAddress().getPort();
  }

  /**
   * The link of DTU {@code id}, made on first use: a master may attach to it before the DTU dials in. The link
   * stays as long as the server, whatever its DTU does.
   */
  public DtuLink link(String id) {
    return links.computeIfAbsent(id, key -> new DtuLink(key, monitor));
  }

  /** The ids of the DTUs registered now. */
  public List<String> registered() {
    return links.values().stream().filter(DtuLink::isRegistered).map(DtuLink::id).sorted().toList();
  }

  public DtuServerStats stats() {
    return monitor.stats();
  }

  /** Stops listening, closes every connection and link; open links' listeners see {@code onClosed(null)}. */
  public CompletableFuture<Void> closeAsync() {
    LISTENING.remove(this);
    return bound.stop(() -> {
      CompletableFuture<?>[] closing = links.values().stream().map(DtuLink::closeAsync)
          .toArray(CompletableFuture[]::new);
      connections.forEach(Channel::close);
      return CompletableFuture.allOf(closing);
    });
  }

  @Override
  public void close() {
    closeAsync().join();
  }

  /** Sets up each accepted connection's pipeline; turns away connections over the limit. */
  private final class Initializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
      if (!bound.admit(ch, open, config.maxConnections())) {
        return;
      }
      monitor.accepted.increment();
      connections.add(ch);
      ch.closeFuture().addListener(f -> connections.remove(ch));
      ch.pipeline().addLast(
          new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS),
          new DtuConnectionHandler(new Owner(), config.registrationDeadline(), config.holdBack()));
      listener.connected(ch.remoteAddress());
    }
  }

  /** What one connection's handler asks of the server. */
  private final class Owner implements ConnectionOwner {
    private final RegistrationMatcher registration = config.framing().registration();
    private final HeartbeatMatcher heartbeat = config.framing().heartbeat();

    @Override
    public int matchRegistration(ByteBuf in) {
      return registration.match(in);
    }

    @Override
    public String registrationId(ByteBuf in, int length) {
      return registration.id(in, length);
    }

    @Override
    public int maxRegistrationLength() {
      return registration.maxLength();
    }

    @Override
    public boolean registrationRepeats() {
      return config.framing().mode() == RegistrationMode.PREFIX_ON_EVERY_PACKET;
    }

    @Override
    public int matchHeartbeat(ByteBuf in, int index) {
      return heartbeat.matchAt(in, index);
    }

    @Override
    public void heartbeatSeen() {
      monitor.heartbeats.increment();
    }

    @Override
    public ConnectionSink registered(Channel channel, String id) {
      if (bound.stopping()) {
        return null;
      }
      byte[] reply = config.registrationReply();
      if (reply.length > 0) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(reply));
      }
      monitor.registrations.increment();
      DtuLink link = link(id);
      ConnectionSink sink = link.bind(channel);
      log.debug("{} registered from {}", link.name(), channel.remoteAddress());
      listener.registered(link, (InetSocketAddress) channel.remoteAddress());
      return sink;
    }

    @Override
    public void rejected(Channel channel, String reason) {
      monitor.rejected.increment();
      log.debug("rejected {}: {}", channel.remoteAddress(), reason);
      listener.rejected((InetSocketAddress) channel.remoteAddress(), reason);
    }
  }

  /** The server's counters and the events its links report. */
  final class Monitor {
    private final LongAdder accepted = new LongAdder();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder replaced = new LongAdder();
    private final LongAdder idle = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();

    void replaced() {
      replaced.increment();
    }

    void idle() {
      idle.increment();
    }

    Duration idleTimeout() {
      return config.idleTimeout();
    }

    void lost(DtuLink link, DtuDisconnectedException cause) {
      log.debug("{} lost: {}", link.name(), cause.getMessage());
      listener.lost(link, cause);
    }

    DtuServerStats stats() {
      return new DtuServerStats(accepted.sum(), registrations.sum(), rejected.sum(), replaced.sum(), idle.sum(),
          heartbeats.sum(), (int) links.values().stream().filter(DtuLink::isRegistered).count());
    }
  }
}
