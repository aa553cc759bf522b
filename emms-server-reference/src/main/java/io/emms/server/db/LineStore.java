package io.emms.server.db;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code line} table: the links meters are reached through, each a link URI (see docs/transport.md). */
public final class LineStore {

  /**
   * A line.
   *
   * @param kind what it is, for people ({@code tcp}, {@code serial}, {@code dtu}, …)
   * @param address its link URI, such as {@code tcp://10.0.0.7:8899} or {@code serial:/dev/ttyUSB0?baud=2400}
   */
  public record LineRow(String id, String kind, String address) {}

  private final Jdbc jdbc;

  public LineStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts; {@link DuplicateKeyException} when the id exists. */
  public void create(LineRow line) {
    jdbc.update("INSERT INTO line (id, kind, address) VALUES (?, ?, ?)", line.id(), line.kind(), line.address());
  }

  /** Inserts, or replaces the kind and address of the line with this id. */
  public void upsert(LineRow line) {
    jdbc.update("INSERT INTO line (id, kind, address) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE kind = VALUES(kind), address = VALUES(address)", line.id(), line.kind(),
        line.address());
  }

  public Optional<LineRow> byId(String id) {
    return jdbc.one("SELECT id, kind, address FROM line WHERE id = ?", LineStore::map, id);
  }

  public List<LineRow> list(int limit, int offset) {
    return jdbc.query("SELECT id, kind, address FROM line ORDER BY id LIMIT ? OFFSET ?", LineStore::map, limit,
        offset);
  }

  public List<LineRow> all() {
    return jdbc.query("SELECT id, kind, address FROM line ORDER BY id", LineStore::map);
  }

  public boolean delete(String id) {
    return jdbc.update("DELETE FROM line WHERE id = ?", id) == 1;
  }

  private static LineRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new LineRow(rs.getString(1), rs.getString(2), rs.getString(3));
  }
}
