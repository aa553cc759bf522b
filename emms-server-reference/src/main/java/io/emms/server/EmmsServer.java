package io.emms.server;

import io.emms.core.meter.MeterControl;
import io.emms.server.api.ApiDependencies;
import io.emms.server.api.ApiServer;
import io.emms.server.auth.AuthService;
import io.emms.server.auth.FirstAdminSetup;
import io.emms.server.auth.internal.LoginRateLimiter;
import io.emms.server.command.CommandService;
import io.emms.server.command.RelayStatusSource;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.AuditLog;
import io.emms.server.db.CommandStore;
import io.emms.server.db.Database;
import io.emms.server.db.EmbeddedMariaDb;
import io.emms.server.db.LineStore;
import io.emms.server.db.MeterStore;
import io.emms.server.db.ReadingStore;
import io.emms.server.db.SessionStore;
import io.emms.server.db.UserStore;
import io.emms.server.ingest.IngestPipeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server assembled: database (embedded MariaDB or external), ingestion pipeline, services and the
 * API. Closing it stops everything in reverse order, writing (or spilling) what is still queued.
 */
public final class EmmsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmmsServer.class);

  private final List<AutoCloseable> resources;
  private final Database database;
  private final IngestPipeline ingest;
  private final ApiServer api;
  private final AuthService auth;
  private final MeterStore meters;
  private final String setupToken;

  private EmmsServer(List<AutoCloseable> resources, Database database, IngestPipeline ingest, ApiServer api,
      AuthService auth, MeterStore meters, String setupToken) {
    this.setupToken = setupToken;
    this.resources = resources;
    this.database = database;
    this.ingest = ingest;
    this.api = api;
    this.auth = auth;
    this.meters = meters;
  }

  /**
   * Starts the server.
   *
   * @param config the configuration
   * @param database an open database to use, or {@code null} to open the configured one
   * @param control how commands reach meters
   * @param relayStatus how relay positions are read back
   */
  public static EmmsServer start(ServerConfig config, Database database, MeterControl control,
      RelayStatusSource relayStatus) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Database db = database;
      if (db == null) {
        db = openDatabase(config, resources);
        resources.add(db);
      }
      var ds = db.dataSource();
      ReadingStore readings = new ReadingStore(ds);
      IngestPipeline ingest = new IngestPipeline(readings::write, config.dataDir().resolve("ingest-spill.tsv"),
          config.ingestQueueCapacity(), config.ingestBatchSize(), config.ingestBufferCapacity());
      resources.add(ingest);
      AuditLog audit = new AuditLog(ds);
      UserStore users = new UserStore(ds);
      MeterStore meters = new MeterStore(ds);
      CommandStore commandStore = new CommandStore(ds);
      AuthService auth = new AuthService(users, new SessionStore(ds), audit, config.sessionTtl(), Clock.systemUTC(),
          new LoginRateLimiter(config.loginAttemptsPerMinute(), Duration.ofMinutes(1)));
      CommandService commands = new CommandService(commandStore, meters, audit, control, relayStatus,
          config.commandTimeout(), Clock.systemUTC());
      commands.recover();
      FirstAdminSetup setup = new FirstAdminSetup();
      String setupToken = users.count() == 0 ? setup.issue() : null;
      ApiServer api = ApiServer.start(new ApiDependencies(auth, users, meters, new LineStore(ds), readings, commands,
          commandStore, audit, ingest::stats, config.tls(), setup), config.httpHost(), config.httpPort());
      resources.add(api);
      return new EmmsServer(resources, db, ingest, api, auth, meters, setupToken);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** Opens the configured external database, or starts the embedded one under the data directory. */
  static Database openDatabase(ServerConfig config, List<AutoCloseable> resources) {
    if (!config.embeddedDatabase()) {
      return Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }
    EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(config.dataDir().resolve("db"), config.embeddedDatabasePort());
    resources.add(mariaDb);
    return Database.open(mariaDb.jdbcUrl(), mariaDb.user(), mariaDb.password());
  }

  /** The one-time token for creating the first administrator, or empty when accounts exist. */
  public java.util.Optional<String> setupToken() {
    return java.util.Optional.ofNullable(setupToken);
  }

  public int httpPort() {
    return api.port();
  }

  /** The API's operations as {@code "METHOD path"}, as documented at /openapi.json. */
  public List<String> apiOperations() {
    return api.operations();
  }

  public IngestPipeline ingest() {
    return ingest;
  }

  public Database database() {
    return database;
  }

  public AuthService auth() {
    return auth;
  }

  public MeterStore meters() {
    return meters;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("Closing {} failed", resources.get(i), e);
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
    resources.clear();
  }
}
