package io.emms.transport.nbiot.fleet;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.NbiotEndpoint;
import io.emms.transport.nbiot.NbiotEndpointConfig;
import io.emms.transport.nbiot.NbiotListener;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The line of a fleet's NB-IoT meters: an {@link NbiotEndpoint} that keeps each meter's latest uplink. Meters send
 * by themselves, so the line takes no writes; {@link NbiotMeterProtocol} reads the kept uplinks. Opening starts the
 * endpoint, closing stops it.
 */
public final class NbiotUplinkLink implements Link {

  private final NbiotEndpointConfig config;
  private final String name;
  private final Map<Imei, DeviceMessage.Uplink> latest = new ConcurrentHashMap<>();
  private volatile LinkListener listener = data -> {};
  private NbiotEndpoint endpoint;

  public NbiotUplinkLink(NbiotEndpointConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = "nbiot:" + config.udp().map(a -> " udp " + a.getHostString() + ":" + a.getPort()).orElse("")
        + config.coap().map(a -> " coap " + a.getHostString() + ":" + a.getPort()).orElse("");
  }

  @Override
  public String name() {
    return name;
  }

  /** Starts the endpoint; fails with a {@link LinkException} if it cannot listen. */
  @Override
  public synchronized CompletableFuture<Void> open() {
    if (endpoint == null) {
      NbiotEndpoint started;
      try {
        started = new NbiotEndpoint(config, new NbiotListener() {
          @Override
          public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
            latest.put(uplink.imei(), uplink);
          }
        }).start();
      } catch (IllegalStateException e) {
        return CompletableFuture.failedFuture(new LinkException(name + ": " + e.getMessage(), e.getCause()));
      }
      endpoint = started;
      listener.onOpen();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized boolean isOpen() {
    return endpoint != null;
  }

  /** The running endpoint, to queue commands or learn its addresses; only while open. */
  public synchronized NbiotEndpoint endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException(name + " is not open");
    }
    return endpoint;
  }

  /** The latest uplink of a meter since the line opened. */
  public Optional<DeviceMessage.Uplink> latest(Imei imei) {
    return Optional.ofNullable(latest.get(imei));
  }

  /** Fails: NB-IoT meters are not asked, they send. */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    data.release();
    return CompletableFuture.failedFuture(
        new LinkException(name + " takes no writes: NB-IoT meters send by themselves"));
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (endpoint != null) {
      endpoint.close();
      endpoint = null;
      listener.onClosed(null);
    }
    return CompletableFuture.completedFuture(null);
  }
}
