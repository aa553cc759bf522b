package io.emms.transport.nbiot;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code POST /up}, {@code /up/IMEI} or {@code /up?imei=IMEI} with a version-1 device message. Answers 2.04 with
 * the downlink to deliver, if any, as the payload; 4.00 for a payload that is not a message or whose IMEI differs
 * from the one in the path or query.
 */
final class CoapUplinkResource extends CoapResource {

  private final BiFunction<DeviceMessage, InetSocketAddress, Optional<Downlink>> handler;
  private final BiConsumer<InetSocketAddress, NbiotFormatException> badPayload;

  CoapUplinkResource(BiFunction<DeviceMessage, InetSocketAddress, Optional<Downlink>> handler,
      BiConsumer<InetSocketAddress, NbiotFormatException> badPayload) {
    super("up");
    this.handler = handler;
    this.badPayload = badPayload;
  }

  /** {@code /up/IMEI}: every child path is this resource, which reads the IMEI from the request. */
  @Override
  public Resource getChild(String name) {
    return this;
  }

  @Override
  public void handlePOST(CoapExchange exchange) {
    InetSocketAddress source = exchange.getSourceSocketAddress();
    DeviceMessage message;
    try {
      message = NbiotCodec.decode(exchange.getRequestPayload());
      checkNamedImei(exchange, message);
    } catch (NbiotFormatException e) {
      badPayload.accept(source, e);
      exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
      return;
    }
    Optional<Downlink> downlink = handler.apply(message, source);
    if (downlink.isPresent()) {
      exchange.respond(ResponseCode.CHANGED, NbiotCodec.toBytes(downlink.get()));
    } else {
      exchange.respond(ResponseCode.CHANGED);
    }
  }

  private static void checkNamedImei(CoapExchange exchange, DeviceMessage message) throws NbiotFormatException {
    List<String> path = exchange.advanced().getRequest().getOptions().getUriPath();
    String named = path.size() > 1 ? path.get(1) : exchange.getQueryParameter("imei");
    if (named != null && !named.equals(message.imei().digits())) {
      throw new NbiotFormatException("the message is from " + message.imei() + " but the request names " + named);
    }
  }
}
