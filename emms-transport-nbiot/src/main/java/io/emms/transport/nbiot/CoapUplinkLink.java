package io.emms.transport.nbiot;

import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.emms.transport.nbiot.internal.CoapSetup;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of CoAP uplinks as a {@link Link}: each write is a confirmable POST of one message to the
 * endpoint's {@code /up/IMEI}, and a non-empty reply payload (a downlink) is one {@code onData} call. The write
 * completes when the reply has come; it fails with a {@link LinkException} on an error reply or none.
 */
public final class CoapUplinkLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(CoapUplinkLink.class);

  private final String uri;
  private volatile LinkListener listener = data -> {};
  private CoapEndpoint endpoint;
  private CoapClient client;

  /** @param server the endpoint's CoAP address */
  public CoapUplinkLink(InetSocketAddress server, Imei imei) {
    this.uri = "coap://" + server.getHostString() + ":" + server.getPort() + "/up/" + imei.digits();
  }

  @Override
  public String name() {
    return uri;
  }

  @Override
  public synchronized CompletableFuture<Void> open() {
    if (client == null) {
      endpoint = CoapSetup.endpoint(new InetSocketAddress(0));
      client = new CoapClient(uri).setEndpoint(endpoint);
      listener.onOpen();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized boolean isOpen() {
    return client != null;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    byte[] bytes = new byte[data.readableBytes()];
    data.readBytes(bytes);
    data.release();
    CoapClient current;
    synchronized (this) {
      current = client;
    }
    if (current == null) {
      return CompletableFuture.failedFuture(new LinkException(uri + " is closed"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    current.post(new CoapHandler() {
      @Override
      public void onLoad(CoapResponse response) {
        if (!response.isSuccess()) {
          done.completeExceptionally(new LinkException(uri + " answered " + response.getCode()
              + ": " + response.getResponseText()));
          return;
        }
        done.complete(null);
        if (response.getPayloadSize() > 0) {
          deliver(response.getPayload());
        }
      }

      @Override
      public void onError() {
        done.completeExceptionally(new LinkException(uri + ": no reply"));
      }
    }, bytes, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
    return done;
  }

  private void deliver(byte[] payload) {
    ByteBuf data = Unpooled.wrappedBuffer(payload);
    try {
      listener.onData(data);
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on {} bytes", uri, payload.length, e);
    } finally {
      data.release();
    }
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (client != null) {
      client.shutdown();
      endpoint.destroy();
      client = null;
      endpoint = null;
      listener.onClosed(null);
    }
    return CompletableFuture.completedFuture(null);
  }
}
