package io.emms.transport.dtu;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.transport.internal.NettyLinks;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTU side: dials the server, registers, heartbeats when otherwise silent, dials again when dropped, and shows
 * the serial side as a {@link Link}. Whatever answers meters on a link answers behind it:
 *
 * <pre>{@code
 * DtuClient dtu = new DtuClient(DtuClientConfig.builder("127.0.0.1", port, "DTU-7").build());
 * Dlt645Simulator.attach(dtu, meter).start();   // opens the client: it dials in and registers
 * }</pre>
 *
 * <p>Listeners get the server's bytes (the requests for the meters) and {@code onOpen()} after each registration;
 * writes (the meters' replies) go to the server, each behind the registration when the framing repeats it.
 * Without a shared event loop group the client runs its own, which {@link #closeAsync()} shuts down: such a client
 * is not opened again.
 */
public final class DtuClient implements Link {

  private static final Logger log = LoggerFactory.getLogger(DtuClient.class);

  private final DtuClientConfig config;
  private final String name;
  private final byte[] registration;
  private final byte[] heartbeat;
  private final boolean prefixed;
  private final EventLoopGroup group;
  private final TcpClientLink tcp;
  private volatile LinkListener listener = data -> {};
  private volatile long lastWrite;
  private ScheduledFuture<?> heartbeats;

  public DtuClient(DtuClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = "dtu:" + config.id() + "->" + config.host() + ":" + config.port();
    this.registration = config.framing().registrationPacket(config.id());
    this.heartbeat = config.framing().heartbeatPacket();
    this.prefixed = config.framing().mode() == RegistrationMode.PREFIX_ON_EVERY_PACKET;
    this.group = config.eventLoopGroup().orElseGet(() -> NettyLinks.newGroup("emms-" + name));
    this.tcp = new TcpClientLink(TcpClientConfig.builder(config.host(), config.port())
        .reconnect(config.reconnect()).eventLoopGroup(group).build());
    tcp.setListener(new Session());
  }

  public DtuClientConfig config() {
    return config;
  }

  @Override
  public String name() {
    return name;
  }

  /** Starts dialling; completes once connected and registered the first time (see {@link TcpClientLink#open}). */
  @Override
  public synchronized CompletableFuture<Void> open() {
    if (heartbeats == null && !heartbeatless()) {
      long period = config.heartbeatInterval().toNanos();
      heartbeats = group.next().scheduleAtFixedRate(this::heartbeatIfQuiet, period, period, TimeUnit.NANOSECONDS);
    }
    return tcp.open();
  }

  private boolean heartbeatless() {
    return heartbeat.length == 0;
  }

  private void heartbeatIfQuiet() {
    if (tcp.isOpen() && System.nanoTime() - lastWrite >= config.heartbeatInterval().toNanos()) {
      send(Unpooled.wrappedBuffer(heartbeat));
    }
  }

  @Override
  public boolean isOpen() {
    return tcp.isOpen();
  }

  /** Sends bytes from the serial side (a meter's reply) to the server. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    return send(prefixed ? Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(registration), data) : data);
  }

  private CompletableFuture<Void> send(ByteBuf data) {
    lastWrite = System.nanoTime();
    return tcp.write(data);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Connect attempts so far. */
  public long connectAttempts() {
    return tcp.connectAttempts();
  }

  /** Stops dialling and heartbeating and closes the connection. */
  @Override
  public CompletableFuture<Void> closeAsync() {
    synchronized (this) {
      if (heartbeats != null) {
        heartbeats.cancel(false);
        heartbeats = null;
      }
    }
    CompletableFuture<Void> closed = tcp.closeAsync();
    return config.eventLoopGroup().isPresent() ? closed : closed.thenCompose(ignored -> NettyLinks.shutDown(group));
  }

  /** Registers on each new connection, then passes everything through. */
  private final class Session implements LinkListener {
    @Override
    public void onOpen() {
      send(Unpooled.wrappedBuffer(registration));
      log.debug("{}: registered", name);
      NettyLinks.notify(() -> listener.onOpen(), name, log);
    }

    @Override
    public void onData(ByteBuf data) {
      listener.onData(data);
    }

    @Override
    public void onClosed(Throwable cause) {
      NettyLinks.notify(() -> listener.onClosed(cause), name, log);
    }
  }
}
