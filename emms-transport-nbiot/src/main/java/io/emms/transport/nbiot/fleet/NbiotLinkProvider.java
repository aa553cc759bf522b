package io.emms.transport.nbiot.fleet;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException.Part;
import io.emms.transport.nbiot.NbiotEndpointConfig;

/**
 * {@code nbiot://HOST:PORT[?coap=PORT]} or {@code nbiot://HOST?udp=PORT&coap=PORT}: an {@link NbiotUplinkLink}
 * listening on HOST for UDP uplinks, CoAP uplinks or both (option ports may be 0, for any free port). Its meters
 * are {@code nbiot:IMEI} ({@link NbiotMeterProtocol}).
 */
public final class NbiotLinkProvider implements LinkProvider {

  @Override
  public String scheme() {
    return "nbiot";
  }

  /** Not used: NB-IoT messages have one framing of their own. */
  @Override
  public Framing defaultFraming() {
    return Framing.RTU;
  }

  @Override
  public boolean messageOriented() {
    return true;
  }

  @Override
  public Link create(LinkUri uri) {
    if (!uri.path().isEmpty() && !uri.path().equals("/")) {
      throw uri.error(Part.PATH, "nbiot takes no path: nbiot://HOST:PORT[?coap=PORT]");
    }
    String host = uri.requireHost();
    LinkUri.Options options = uri.options();
    int udp = options.integer("udp", -1, 0, 65535);
    int coap = options.integer("coap", -1, 0, 65535);
    options.finish();
    if (uri.port().isPresent()) {
      if (udp >= 0) {
        throw uri.error(Part.PORT, "give the UDP port once: nbiot://HOST:PORT or nbiot://HOST?udp=PORT");
      }
      udp = uri.port().get();
    }
    if (udp < 0 && coap < 0) {
      throw uri.error(Part.PORT, "nbiot listens on UDP, CoAP or both: nbiot://HOST:PORT[?coap=PORT]");
    }
    NbiotEndpointConfig.Builder config = NbiotEndpointConfig.builder();
    if (udp >= 0) {
      config.udp(host, udp);
    }
    if (coap >= 0) {
      config.coap(host, coap);
    }
    return new NbiotUplinkLink(config.build());
  }
}
