package io.emms.transport.udp;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException.Part;

/**
 * {@code udp://HOST:PORT?options}: a {@link UdpLink} (Modbus UDP framing by default). Every field of
 * {@link UdpConfig} is an option except the shared event loop group, which is an object and not text.
 */
public final class UdpLinkProvider implements LinkProvider {

  @Override
  public String scheme() {
    return "udp";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.MBAP;
  }

  @Override
  public boolean messageOriented() {
    return true;
  }

  @Override
  public Link create(LinkUri uri) {
    return new UdpLink(config(uri));
  }

  /** The configuration {@code uri} describes. */
  public static UdpConfig config(LinkUri uri) {
    if (!uri.path().isEmpty() && !uri.path().equals("/")) {
      throw uri.error(Part.PATH, "udp takes no path: udp://HOST:PORT");
    }
    UdpConfig defaults = UdpConfig.builder(uri.requireHost(), uri.requirePort()).build();
    LinkUri.Options options = uri.options();
    int localPort = options.integer("local-port", defaults.localPort(), 0, 65535);
    int maxDatagramSize = options.integer("max-datagram-size", defaults.maxDatagramSize(), 1, 65_507);
    options.finish();
    return UdpConfig.builder(defaults.host(), defaults.port())
        .localPort(localPort)
        .maxDatagramSize(maxDatagramSize)
        .build();
  }
}
