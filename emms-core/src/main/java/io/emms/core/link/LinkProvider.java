package io.emms.core.link;

/**
 * Creates links for one URI scheme ({@code serial}, {@code tcp}, ...). Providers are found with
 * {@link java.util.ServiceLoader}: a module that brings a transport lists its providers in
 * {@code META-INF/services/io.emms.core.link.LinkProvider}, and {@link LinkProviders#create(String)} picks the one
 * whose {@link #scheme()} matches.
 */
public interface LinkProvider {

  /** The scheme served, in lower case, such as {@code tcp}. */
  String scheme();

  /** The framing of this scheme's links when the URI names none. */
  Framing defaultFraming();

  /**
   * Whether each {@code onData} of this scheme's links is one whole message and each write is sent as one
   * (UDP, MQTT), rather than a byte stream (serial, TCP).
   */
  default boolean messageOriented() {
    return false;
  }

  /**
   * A closed link configured from {@code uri}, whose scheme is this provider's. Read the options through
   * {@link LinkUri#options()} and end with {@link LinkUri.Options#finish()}, so that an unknown option is
   * refused.
   *
   * @throws LinkUriException naming the part of the URI that is wrong
   */
  Link create(LinkUri uri);
}
