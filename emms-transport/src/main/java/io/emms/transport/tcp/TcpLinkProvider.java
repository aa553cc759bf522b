package io.emms.transport.tcp;

import io.emms.core.link.Framing;
import io.emms.core.link.Link;
import io.emms.core.link.LinkProvider;
import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException.Part;
import java.time.Duration;

/**
 * {@code tcp://HOST:PORT?options}: a {@link TcpClientLink} to a network device (Modbus TCP framing by default).
 * Every field of {@link TcpClientConfig} and {@link ReconnectPolicy} is an option except the shared event loop
 * group, which is an object and not text.
 */
public class TcpLinkProvider implements LinkProvider {

  @Override
  public String scheme() {
    return "tcp";
  }

  @Override
  public Framing defaultFraming() {
    return Framing.MBAP;
  }

  @Override
  public Link create(LinkUri uri) {
    return new TcpClientLink(config(uri));
  }

  /** The configuration {@code uri} describes. */
  public static TcpClientConfig config(LinkUri uri) {
    if (!uri.path().isEmpty() && !uri.path().equals("/")) {
      throw uri.error(Part.PATH, uri.scheme() + " takes no path: " + uri.scheme() + "://HOST:PORT");
    }
    TcpClientConfig defaults = TcpClientConfig.builder(uri.requireHost(), uri.requirePort()).build();
    ReconnectPolicy reconnectDefaults = defaults.reconnect();
    LinkUri.Options options = uri.options();
    Duration connectTimeout = options.duration("connect-timeout", defaults.connectTimeout());
    boolean reconnect = options.bool("reconnect", reconnectDefaults.enabled());
    Duration min = options.duration("reconnect-min", reconnectDefaults.minDelay());
    Duration max = options.duration("reconnect-max", reconnectDefaults.maxDelay());
    double jitter = options.decimal("reconnect-jitter", reconnectDefaults.jitter(), 0, 1);
    boolean noDelay = options.bool("no-delay", defaults.tcpNoDelay());
    boolean keepAlive = options.bool("keep-alive", defaults.keepAlive());
    options.finish();
    if (max.compareTo(min) < 0) {
      throw uri.error(Part.OPTION_VALUE, "reconnect-max (" + max + ") must not be shorter than reconnect-min (" + min + ")");
    }
    return TcpClientConfig.builder(defaults.host(), defaults.port())
        .connectTimeout(connectTimeout)
        .reconnect(reconnect ? ReconnectPolicy.exponential(min, max, jitter) : ReconnectPolicy.never())
        .tcpNoDelay(noDelay)
        .keepAlive(keepAlive)
        .build();
  }
}
