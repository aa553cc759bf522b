package io.emms.core.link;

import io.emms.core.link.LinkUriException.Part;
import io.emms.core.time.DurationText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A parsed link URI: {@code scheme://host:port?options} for network links ({@code tcp://10.0.0.5:502}) or
 * {@code scheme:path?options} for local ones ({@code serial:/dev/ttyUSB0?baud=9600&parity=none}). Scheme and
 * option names are case-insensitive; option values are percent-decoded. The option {@value #FRAMING} is reserved
 * for the protocol layer (see {@link Framing}); every other option belongs to the scheme's {@link LinkProvider}.
 *
 * <p>Parsing checks the syntax only; whether the host, port, path and options suit the scheme is the provider's
 * check, through {@link #host()}, {@link #port()}, {@link #path()} and {@link #options()}.
 */
public final class LinkUri {

  /** The reserved option that names the framing for the protocol layer. */
  public static final String FRAMING = "framing";

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern OPTION_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final String text;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final Map<String, String> options;

  private LinkUri(String text, String scheme, String host, int port, String path, Map<String, String> options) {
    this.text = text;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.options = Collections.unmodifiableMap(options);
  }

  /**
   * Parses {@code text}.
   *
   * @throws LinkUriException naming the part that is malformed
   */
  public static LinkUri parse(String text) {
    String t = text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new LinkUriException(text, Part.SYNTAX, "expected SCHEME:PATH or SCHEME://HOST:PORT, such as "
          + "serial:/dev/ttyUSB0 or tcp://10.0.0.5:502");
    }
    String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!SCHEME.matcher(scheme).matches()) {
      throw new LinkUriException(text, Part.SCHEME, "\"" + t.substring(0, colon) + "\" is not a scheme name");
    }
    String rest = t.substring(colon + 1);
    int question = rest.indexOf('?');
    String query = question < 0 ? "" : rest.substring(question + 1);
    String hierarchical = question < 0 ? rest : rest.substring(0, question);
    String host = null;
    int port = -1;
    String path = hierarchical;
    if (hierarchical.startsWith("//")) {
      int slash = hierarchical.indexOf('/', 2);
      String authority = slash < 0 ? hierarchical.substring(2) : hierarchical.substring(2, slash);
      path = slash < 0 ? "" : hierarchical.substring(slash);
      int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
      host = portColon < 0 ? authority : authority.substring(0, portColon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (portColon >= 0) {
        port = parsePort(text, authority.substring(portColon + 1));
      }
    }
    return new LinkUri(t, scheme, host, port, decode(text, Part.PATH, path), parseOptions(text, query));
  }

  private static int parsePort(String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range port
    }
    throw new LinkUriException(text, Part.PORT, "port must be a number from 1 to 65535, not \"" + port + "\"");
  }

  private static Map<String, String> parseOptions(String text, String query) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(text, Part.OPTION_NAME, eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (!OPTION_NAME.matcher(name).matches()) {
        throw new LinkUriException(text, Part.OPTION_NAME, "\"" + name + "\" is not an option name");
      }
      if (eq < 0) {
        throw new LinkUriException(text, Part.OPTION_VALUE, "option " + name + " needs a value (" + name + "=...)");
      }
      if (options.put(name, decode(text, Part.OPTION_VALUE, pair.substring(eq + 1))) != null) {
        throw new LinkUriException(text, Part.OPTION_NAME, "option " + name + " is given twice");
      }
    }
    return options;
  }

  private static String decode(String text, Part part, String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new LinkUriException(text, part, "bad percent-escape in \"" + s + "\"");
    }
  }

  /** The URI as given, without surrounding blanks. */
  public String text() {
    return text;
  }

  /** The scheme in lower case. */
  public String scheme() {
    return scheme;
  }

  /** The host of a {@code scheme://host:port} URI, without brackets around an IPv6 address. */
  public Optional<String> host() {
    return Optional.ofNullable(host).filter(h -> !h.isEmpty());
  }

  /** The port of a {@code scheme://host:port} URI, if it has one; always 1 to 65535. */
  public Optional<Integer> port() {
    return port < 0 ? Optional.empty() : Optional.of(port);
  }

  /** The path: the device of {@code serial:/dev/ttyUSB0}; may be empty. */
  public String path() {
    return path;
  }

  /** The host, or a {@link Part#HOST} error saying the scheme needs one. */
  public String requireHost() {
    return host().orElseThrow(() -> error(Part.HOST, scheme + " needs a host: " + scheme + "://HOST:PORT"));
  }

  /** The port, or a {@link Part#PORT} error saying the scheme needs one. */
  public int requirePort() {
    return port().orElseThrow(() -> error(Part.PORT, scheme + " needs a port: " + scheme + "://HOST:PORT"));
  }

  /** The framing named by the reserved {@value #FRAMING} option, if any. */
  public Optional<Framing> framing() {
    String value = options.get(FRAMING);
    if (value == null) {
      return Optional.empty();
    }
    for (Framing f : Framing.values()) {
      if (f.label().equalsIgnoreCase(value)) {
        return Optional.of(f);
      }
    }
    throw error(Part.OPTION_VALUE, "framing must be rtu, ascii or mbap, not \"" + value + "\"");
  }

  /** The options as given, by lower-case name, in order; includes {@value #FRAMING}. */
  public Map<String, String> rawOptions() {
    return options;
  }

  /** A fresh reader of the options, for a provider. */
  public Options options() {
    return new Options();
  }

  /** The labels of {@code values} for {@link Options#choice}, in the order given (which errors list). */
  public static <T> Map<String, T> choices(List<T> values, Function<T, String> label) {
    Map<String, T> byLabel = new LinkedHashMap<>();
    values.forEach(v -> byLabel.put(label.apply(v).toLowerCase(Locale.ROOT), v));
    return Collections.unmodifiableMap(byLabel);
  }

  /** An error about this URI. */
  public LinkUriException error(Part part, String message) {
    return new LinkUriException(text, part, message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkUri other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Reads options with defaults and checks each value; {@link #finish()} then refuses every option that no read
   * asked for, listing those the scheme takes.
   */
  public final class Options {
    private final Set<String> known = new LinkedHashSet<>();

    private Options() {}

    /** The option's text, if given. */
    public Optional<String> text(String name) {
      known.add(name);
      return Optional.ofNullable(options.get(name));
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String name, int defaultValue, int min, int max) {
      return text(name).map(v -> {
        try {
          int n = Integer.parseInt(v);
          if (n >= min && n <= max) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw badValue(name, v, "a whole number from " + min + " to " + max);
      }).orElse(defaultValue);
    }

    /** A number from {@code min} to {@code max}. */
    public double decimal(String name, double defaultValue, double min, double max) {
      return text(name).map(v -> {
        try {
          double d = Double.parseDouble(v);
          if (d >= min && d <= max) {
            return d;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw badValue(name, v, "a number from " + min + " to " + max);
      }).orElse(defaultValue);
    }

    /** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}). */
    public boolean bool(String name, boolean defaultValue) {
      return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw badValue(name, v, "true or false");
      }).orElse(defaultValue);
    }

    /** A positive duration such as {@code 500ms} or {@code 2s} (see {@link DurationText}). */
    public Duration duration(String name, Duration defaultValue) {
      return text(name).map(v -> {
        try {
          Duration d = DurationText.parse(v);
          if (!d.isZero()) {
            return d;
          }
        } catch (IllegalArgumentException e) {
          // reported below
        }
        throw badValue(name, v, "a positive duration such as 500ms or 2s");
      }).orElse(defaultValue);
    }

    /** One of {@code choices}, by lower-case label (case-insensitive); see {@link LinkUri#choices}. */
    public <T> T choice(String name, T defaultValue, Map<String, T> choices) {
      return text(name).map(v -> {
        T chosen = choices.get(v.toLowerCase(Locale.ROOT));
        if (chosen == null) {
          throw badValue(name, v, "one of " + String.join(", ", choices.keySet()));
        }
        return chosen;
      }).orElse(defaultValue);
    }

    /**
     * Refuses the options that no read asked for.
     *
     * @throws LinkUriException with {@link Part#OPTION_NAME} naming the first unknown option
     */
    public void finish() {
      for (String name : options.keySet()) {
        if (!known.contains(name) && !name.equals(FRAMING)) {
          throw error(Part.OPTION_NAME, scheme + " takes no option \"" + name + "\"; its options are "
              + (known.isEmpty() ? "none" : String.join(", ", known)) + " (and " + FRAMING + ")");
        }
      }
      framing();
    }

    private LinkUriException badValue(String name, String value, String expected) {
      return error(Part.OPTION_VALUE, "option " + name + " must be " + expected + ", not \"" + value + "\"");
    }
  }
}
