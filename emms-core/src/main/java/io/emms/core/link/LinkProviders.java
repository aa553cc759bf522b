package io.emms.core.link;

import io.emms.core.link.LinkUriException.Part;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Makes links from URIs with the {@link LinkProvider}s on the class path. */
public final class LinkProviders {

  private LinkProviders() {}

  /**
   * A closed link for {@code uri}, such as {@code serial:/dev/ttyUSB0?baud=2400&parity=even} or
   * {@code tcp://10.0.0.5:502}.
   *
   * @throws LinkUriException naming the part of the URI that is wrong (an unknown scheme lists the known ones)
   */
  public static ConfiguredLink create(String uri) {
    return create(LinkUri.parse(uri));
  }

  /** A closed link for a parsed {@code uri}; see {@link #create(String)}. */
  public static ConfiguredLink create(LinkUri uri) {
    Map<String, LinkProvider> providers = providers();
    LinkProvider provider = providers.get(uri.scheme());
    if (provider == null) {
      throw uri.error(Part.SCHEME, "no link provider for scheme \"" + uri.scheme() + "\"; known schemes are "
          + (providers.isEmpty() ? "none (is emms-transport on the class path?)" : String.join(", ", providers.keySet())));
    }
    Link link = provider.create(uri);
    return new ConfiguredLink(uri, link, uri.framing().orElse(provider.defaultFraming()), provider.messageOriented());
  }

  /** The providers on the class path, by scheme. */
  public static Map<String, LinkProvider> providers() {
    Map<String, LinkProvider> byScheme = new TreeMap<>();
    for (LinkProvider provider : ServiceLoader.load(LinkProvider.class, LinkProviders.class.getClassLoader())) {
      byScheme.putIfAbsent(provider.scheme(), provider);
    }
    return byScheme;
  }
}
