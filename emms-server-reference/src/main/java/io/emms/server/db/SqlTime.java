package io.emms.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** DATETIME columns hold UTC wall time; converting here keeps the JVM's and the server's time zones out of it. */
final class SqlTime {

  private SqlTime() {}

  static void set(PreparedStatement ps, int index, Instant t) throws SQLException {
    ps.setObject(index, t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  static Instant get(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static Instant get(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
