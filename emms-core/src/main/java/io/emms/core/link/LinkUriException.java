package io.emms.core.link;

import java.util.Objects;

/**
 * A link URI that cannot be used, naming the part that is wrong: {@code tcp://meter-gw:70000} fails on the
 * {@link Part#PORT port}, {@code serial:/dev/ttyS0?baud=fast} on the {@link Part#OPTION_VALUE value} of
 * {@code baud}.
 */
public class LinkUriException extends IllegalArgumentException {

  /** The parts of a link URI. */
  public enum Part {
    /** The text is not a URI at all (empty, no scheme). */
    SYNTAX,
    /** No provider serves the scheme. */
    SCHEME,
    HOST,
    PORT,
    /** The path, such as a serial device. */
    PATH,
    /** An option that the scheme does not take, or one given twice. */
    OPTION_NAME,
    /** An option whose value is not allowed. */
    OPTION_VALUE
  }

  private final String uri;
  private final Part part;

  public LinkUriException(String uri, Part part, String message) {
    super("bad link URI \"" + uri + "\": " + message);
    this.uri = Objects.requireNonNull(uri, "uri");
    this.part = Objects.requireNonNull(part, "part");
  }

  /** The URI as given. */
  public String uri() {
    return uri;
  }

  /** The part that is wrong. */
  public Part part() {
    return part;
  }
}
