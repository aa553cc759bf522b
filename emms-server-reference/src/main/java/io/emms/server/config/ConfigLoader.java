package io.emms.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the {@link ServerConfig}: defaults, overridden by a properties file, overridden by environment variables.
 *
 * <p>Setting {@code http.port} in the file is {@code EMMS_HTTP_PORT} in the environment: upper case, dots and
 * dashes as underscores, prefixed with {@code EMMS_}. The file is {@code $EMMS_CONFIG} when set, else
 * {@code emms-server.properties} in the data directory when present. See docs/server.md for the list.
 */
public final class ConfigLoader {

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Loads from the process environment. */
  public static ServerConfig fromEnvironment() {
    return new ConfigLoader(System.getenv()).load();
  }

  /** Loads the configuration; throws {@link ConfigException} naming the first bad setting. */
  public ServerConfig load() {
    Path dataDir = Path.of(env.getOrDefault("EMMS_DATA_DIR", "emms-data")).toAbsolutePath();
    Properties file = readFile(dataDir);
    Settings s = new Settings(file, env);
    dataDir = Path.of(s.get("data.dir", dataDir.toString())).toAbsolutePath();
    ServerConfig d = ServerConfig.defaults(dataDir);
    return new ServerConfig(
        dataDir,
        s.get("http.host", d.httpHost()),
        s.getInt("http.port", d.httpPort()),
        s.get("db.url", null),
        s.get("db.user", null),
        s.get("db.password", null),
        s.getInt("db.embedded.port", d.embeddedDatabasePort()),
        s.getInt("ingest.batch-size", d.ingestBatchSize()),
        s.getInt("ingest.queue-capacity", d.ingestQueueCapacity()),
        s.getInt("ingest.buffer-capacity", d.ingestBufferCapacity()),
        Duration.ofMinutes(s.getInt("session.ttl-minutes", (int) d.sessionTtl().toMinutes())),
        Boolean.parseBoolean(s.get("http.tls", "false")),
        Duration.ofSeconds(s.getInt("command.timeout-seconds", (int) d.commandTimeout().toSeconds())),
        Boolean.parseBoolean(s.get("demo", String.valueOf(d.demo()))),
        s.getInt("login.attempts-per-minute", d.loginAttemptsPerMinute()));
  }

  private Properties readFile(Path dataDir) {
    Properties p = new Properties();
    String explicit = env.get("EMMS_CONFIG");
    Path path = explicit != null ? Path.of(explicit) : dataDir.resolve("emms-server.properties");
    if (explicit == null && !Files.exists(path)) {
      return p;
    }
    try (Reader r = Files.newBufferedReader(path)) {
      p.load(r);
      return p;
    } catch (IOException e) {
      throw new ConfigException("EMMS_CONFIG", "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** Environment variable name of a file setting. */
  static String envName(String key) {
    return "EMMS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private record Settings(Properties file, Map<String, String> env) {

    String get(String key, String fallback) {
      String v = env.get(envName(key));
      if (v == null) {
        v = file.getProperty(key);
      }
      return v == null || v.isBlank() ? fallback : v.trim();
    }

    int getInt(String key, int fallback) {
      String v = get(key, null);
      if (v == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "not a whole number: " + v);
      }
    }
  }
}
