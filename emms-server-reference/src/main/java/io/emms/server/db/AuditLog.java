package io.emms.server.db;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The append-only {@code audit_log}: this class has no update and no delete. */
public final class AuditLog {

  /** One audited step. */
  public record Entry(long id, Instant at, String actor, String action, String target, String detail) {}

  private final Jdbc jdbc;

  public AuditLog(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public void append(String actor, String action, String target, String detail) {
    jdbc.update("INSERT INTO audit_log (ts, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
        Instant.now(), actor, action, target, detail == null ? null : truncate(detail, 2000));
  }

  /** Newest first; {@code target} filters by exact target when not null. */
  public List<Entry> list(String target, int limit, int offset) {
    String where = target == null ? "" : " WHERE target = ?";
    Object[] args = target == null ? new Object[] {limit, offset} : new Object[] {target, limit, offset};
    return jdbc.query("SELECT id, ts, actor, action, target, detail FROM audit_log" + where
            + " ORDER BY id DESC LIMIT ? OFFSET ?",
        rs -> new Entry(rs.getLong(1), SqlTime.get(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6)),
        args);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
