package io.emms.server.db;

import io.emms.server.registry.Meter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code meter} table. */
public final class MeterStore {

  private static final String COLUMNS =
      "id, address, profile, model, site_id, line_id, poll_seconds, relay_state, created_at, updated_at";
  private final Jdbc jdbc;

  public MeterStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts; {@link DuplicateKeyException} when the id exists. */
  public Meter create(Meter m) {
    Instant now = Instant.now();
    jdbc.update("INSERT INTO meter (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.address(),
        m.profile(), m.model(), m.siteId(), m.lineId(), m.pollSeconds(), m.relayState(), now, now);
    return new Meter(m.id(), m.address(), m.profile(), m.model(), m.siteId(), m.lineId(), m.pollSeconds(),
        m.relayState(), now, now);
  }

  /** Updates everything but the id, the relay state and the creation time; false when the meter is unknown. */
  public boolean update(Meter m) {
    return jdbc.update("UPDATE meter SET address = ?, profile = ?, model = ?, site_id = ?, line_id = ?,"
        + " poll_seconds = ?, updated_at = ? WHERE id = ?", m.address(), m.profile(), m.model(), m.siteId(), m.lineId(), m.pollSeconds(),
        Instant.now(), m.id()) == 1;
  }

  public void setRelayState(String id, String state) {
    jdbc.update("UPDATE meter SET relay_state = ?, updated_at = ? WHERE id = ?", state, Instant.now(), id);
  }

  public Optional<Meter> byId(String id) {
    return jdbc.one("SELECT " + COLUMNS + " FROM meter WHERE id = ?", MeterStore::map, id);
  }

  /** Meters ordered by id; {@code search} matches a prefix of the id or the address when not null. */
  public List<Meter> list(String search, int limit, int offset) {
    if (search == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM meter ORDER BY id LIMIT ? OFFSET ?", MeterStore::map, limit,
          offset);
    }
    String like = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.query("SELECT " + COLUMNS + " FROM meter WHERE id LIKE ? OR address LIKE ? ORDER BY id LIMIT ? OFFSET ?",
        MeterStore::map, like, like, limit, offset);
  }

  /** Every meter on a line (for acquisition), ordered by id. */
  public List<Meter> onLines() {
    return jdbc.query("SELECT " + COLUMNS + " FROM meter WHERE line_id IS NOT NULL ORDER BY id", MeterStore::map);
  }

  public boolean delete(String id) {
    return jdbc.update("DELETE FROM meter WHERE id = ?", id) == 1;
  }

  private static Meter map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Meter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), rs.getString(8), SqlTime.get(rs, 9), SqlTime.get(rs, 10));
  }
}
