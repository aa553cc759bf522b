package io.emms.core.link;

import java.util.Objects;

/**
 * A link made from a URI, with what the protocol layer needs to know about it.
 *
 * @param uri the parsed URI
 * @param link the link, not yet open
 * @param framing the framing named by the URI, or the scheme's default
 * @param messageOriented whether the link delivers and sends whole messages (see
 *     {@link LinkProvider#messageOriented()})
 */
public record ConfiguredLink(LinkUri uri, Link link, Framing framing, boolean messageOriented) {

  public ConfiguredLink {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(framing, "framing");
  }
}
