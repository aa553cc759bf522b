package io.emms.server;

import io.emms.server.db.Database;
import io.emms.server.db.EmbeddedMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded MariaDB for the whole test run (starting one takes seconds), migrated once. */
public final class SharedDatabase {

  private static EmbeddedMariaDb mariaDb;
  private static Database database;

  private SharedDatabase() {}

  public static synchronized EmbeddedMariaDb mariaDb() {
    if (mariaDb == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "mariadb-");
        mariaDb = EmbeddedMariaDb.start(dir.toAbsolutePath(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(mariaDb::close));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return mariaDb;
  }

  public static synchronized Database database() {
    if (database == null) {
      EmbeddedMariaDb db = mariaDb();
      database = Database.open(db.jdbcUrl(), db.user(), db.password());
    }
    return database;
  }

  /** Runs a COUNT(*) (or any single-number) query. */
  public static long count(String sql) {
    try (Connection c = database().connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a statement. */
  public static void execute(String sql) {
    try (Connection c = database().connection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
