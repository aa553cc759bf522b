package io.emms.transport.mqtt;

import io.emms.core.link.LinkUri;
import io.emms.core.link.LinkUriException;
import io.emms.core.link.LinkUriException.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@code mqtt://} link address:
 *
 * <pre>
 * mqtt://HOST[:PORT]/TOPIC/BASE[?down=TOPIC&amp;up=TOPIC&amp;client-id=ID&amp;username=U&amp;password-file=FILE]
 * </pre>
 *
 * The down topic defaults to {@code TOPIC/BASE/down} and the up topic to {@code TOPIC/BASE/up}; the port to
 * 1883; the client id to {@code emms-link-} and a random suffix. The password is read from a file, never
 * written in the address.
 *
 * @param broker {@code tcp://HOST:PORT}
 * @param downTopic where the master writes
 * @param upTopic where the master reads
 * @param clientId the MQTT client id
 * @param username the user to sign in as, or {@code null}
 * @param passwordFile the file whose first line is the password, or {@code null}
 */
public record MqttLinkUri(String broker, String downTopic, String upTopic, String clientId, String username, Path passwordFile) {

  public MqttLinkUri {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(downTopic, "downTopic");
    Objects.requireNonNull(upTopic, "upTopic");
    Objects.requireNonNull(clientId, "clientId");
    if ((username == null) != (passwordFile == null)) {
      throw new IllegalArgumentException("username and password-file go together");
    }
  }

  /** Parses an address; throws {@link LinkUriException} naming the part that is wrong. */
  public static MqttLinkUri parse(String text) {
    return from(LinkUri.parse(text));
  }

  /** Reads a parsed {@code mqtt://} URI, refusing unknown options. */
  public static MqttLinkUri from(LinkUri uri) {
    if (!uri.scheme().equals("mqtt")) {
      throw uri.error(Part.SCHEME, "not an mqtt:// address");
    }
    String host = uri.requireHost();
    String base = uri.path().replaceFirst("^/", "").replaceFirst("/$", "");
    LinkUri.Options options = uri.options();
    String down = options.text("down").orElse(base.isEmpty() ? null : base + "/down");
    String up = options.text("up").orElse(base.isEmpty() ? null : base + "/up");
    String clientId = options.text("client-id").orElse("emms-link-" + UUID.randomUUID().toString().substring(0, 8));
    String username = options.text("username").orElse(null);
    Path passwordFile = options.text("password-file").map(Path::of).orElse(null);
    options.finish();
    if (down == null || up == null) {
      throw uri.error(Part.PATH, "name a topic base (mqtt://HOST:PORT/TOPIC) or both down= and up=");
    }
    if ((username == null) != (passwordFile == null)) {
      throw uri.error(Part.OPTION_NAME, "username and password-file go together");
    }
    return new MqttLinkUri("tcp://" + host + ":" + uri.port().orElse(1883), down, up, clientId, username, passwordFile);
  }

  /** The client configuration: credentials from the password file, if any. */
  public MqttClientConfig clientConfig() {
    MqttClientConfig.Builder b = MqttClientConfig.builder(broker, clientId);
    if (username != null) {
      try {
        b.credentials(username, Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse(""));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the password file " + passwordFile, e);
      }
    }
    return b.build();
  }
}
