package io.emms.transport.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

  private static final Set<String> PARAMETERS = Set.of("down", "up", "client-id", "username", "password-file");

  public MqttLinkUri {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(downTopic, "downTopic");
    Objects.requireNonNull(upTopic, "upTopic");
    Objects.requireNonNull(clientId, "clientId");
    if ((username == null) != (passwordFile == null)) {
      throw new IllegalArgumentException("username and password-file go together");
    }
  }

  /** Parses an address; throws {@link IllegalArgumentException} saying what is wrong. */
  public static MqttLinkUri parse(String text) {
    URI uri = URI.create(text);
    if (!"mqtt".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("an MQTT link is mqtt://HOST[:PORT]/TOPIC[?down=…&up=…]: " + text);
    }
    Map<String, String> query = query(uri.getRawQuery());
    String base = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "").replaceFirst("/$", "");
    String down = query.getOrDefault("down", base.isEmpty() ? null : base + "/down");
    String up = query.getOrDefault("up", base.isEmpty() ? null : base + "/up");
    if (down == null || up == null) {
      throw new IllegalArgumentException("name a topic base in the path or both down= and up=: " + text);
    }
    int port = uri.getPort() < 0 ? 1883 : uri.getPort();
    String passwordFile = query.get("password-file");
    return new MqttLinkUri("tcp://" + uri.getHost() + ":" + port, down, up,
        query.getOrDefault("client-id", "emms-link-" + UUID.randomUUID().toString().substring(0, 8)),
        query.get("username"), passwordFile == null ? null : Path.of(passwordFile));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (!PARAMETERS.contains(key)) {
        throw new IllegalArgumentException("unknown mqtt:// parameter '" + key + "'; known: " + PARAMETERS);
      }
      out.put(key, URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
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
