package io.emms.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the server is configured with. Read by {@link ConfigLoader} from a properties file and environment
 * variables; the defaults run everything embedded on the loopback interface.
 *
 * @param dataDir where the embedded database, the spill file and the generated secrets live
 * @param httpHost the interface the API listens on (loopback by default)
 * @param httpPort the API's TCP port; 0 picks a free one
 * @param databaseUrl a JDBC URL of an external MySQL 8 / MariaDB 10.11+ / TiDB; {@code null} starts the embedded
 *     MariaDB under {@code dataDir}
 * @param databaseUser the external database's user
 * @param databasePassword the external database's password
 * @param embeddedDatabasePort the embedded MariaDB's port; 0 picks a free one
 * @param ingestBatchSize rows per multi-row INSERT
 * @param ingestQueueCapacity readings queued before producers are slowed down (back-pressure)
 * @param ingestBufferCapacity readings held in memory while the database is down before they are spilled to disk
 * @param sessionTtl how long a sign-in lasts without activity
 * @param tls whether the server sits behind TLS (sets the Secure flag on cookies)
 * @param commandTimeout how long a meter has to acknowledge a command, and then to report its relay status
 * @param demo whether to start the demo fleet of simulated meters
 * @param loginAttemptsPerMinute sign-in attempts allowed per client address and minute
 */
public record ServerConfig(
    Path dataDir,
    String httpHost,
    int httpPort,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int embeddedDatabasePort,
    int ingestBatchSize,
    int ingestQueueCapacity,
    int ingestBufferCapacity,
    Duration sessionTtl,
    boolean tls,
    Duration commandTimeout,
    boolean demo,
    int loginAttemptsPerMinute) {

  /** The default HTTP port (DL/T 645 + 1000: easy to remember, rarely taken). */
  public static final int DEFAULT_HTTP_PORT = 8645;

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(sessionTtl, "sessionTtl");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    checkPort("httpPort", httpPort);
    checkPort("embeddedDatabasePort", embeddedDatabasePort);
    checkPositive("ingestBatchSize", ingestBatchSize);
    checkPositive("ingestQueueCapacity", ingestQueueCapacity);
    checkPositive("ingestBufferCapacity", ingestBufferCapacity);
    checkPositive("loginAttemptsPerMinute", loginAttemptsPerMinute);
  }

  /** Embedded everything, data under {@code dataDir}, API on 127.0.0.1:{@value #DEFAULT_HTTP_PORT}. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(dataDir, "127.0.0.1", DEFAULT_HTTP_PORT, null, null, null, 0,
        1000, 100_000, 200_000, Duration.ofHours(8), false, Duration.ofSeconds(20), true, 20);
  }

  /** Whether the embedded MariaDB is used (no external database URL configured). */
  public boolean embeddedDatabase() {
    return databaseUrl == null;
  }

  /** A copy listening on another HTTP port. */
  public ServerConfig withHttpPort(int port) {
    return new ServerConfig(dataDir, httpHost, port, databaseUrl, databaseUser, databasePassword,
        embeddedDatabasePort, ingestBatchSize, ingestQueueCapacity, ingestBufferCapacity, sessionTtl, tls,
        commandTimeout, demo, loginAttemptsPerMinute);
  }

  /** A copy with another command timeout and demo setting. */
  public ServerConfig withCommands(Duration timeout, boolean demoFleet) {
    return new ServerConfig(dataDir, httpHost, httpPort, databaseUrl, databaseUser, databasePassword,
        embeddedDatabasePort, ingestBatchSize, ingestQueueCapacity, ingestBufferCapacity, sessionTtl, tls,
        timeout, demoFleet, loginAttemptsPerMinute);
  }

  /** A copy with another sign-in rate limit. */
  public ServerConfig withLoginAttemptsPerMinute(int attempts) {
    return new ServerConfig(dataDir, httpHost, httpPort, databaseUrl, databaseUser, databasePassword,
        embeddedDatabasePort, ingestBatchSize, ingestQueueCapacity, ingestBufferCapacity, sessionTtl, tls,
        commandTimeout, demo, attempts);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new ConfigException(name, "must be 0..65535, got " + port);
    }
  }

  private static void checkPositive(String name, int value) {
    if (value <= 0) {
      throw new ConfigException(name, "must be positive, got " + value);
    }
  }
}
