package io.emms.server.db;

import io.emms.core.meter.RelayCommand;
import io.emms.server.command.CommandState;
import io.emms.server.command.MeterCommand;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code meter_command} table. */
public final class CommandStore {

  private static final String COLUMNS = "id, meter_id, action, reason, idempotency_key, state, requested_by,"
      + " requested_at, expires_at, updated_at, detail";
  private final Jdbc jdbc;

  public CommandStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts a REQUESTED command; {@link DuplicateKeyException} when the idempotency key is taken. */
  public MeterCommand create(String meterId, RelayCommand action, String reason, String key, String by,
      Instant expiresAt) {
    Instant now = Instant.now();
    long id = jdbc.insert("INSERT INTO meter_command (meter_id, action, reason, idempotency_key, state, requested_by,"
            + " requested_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meterId, action.name(), reason, key, CommandState.REQUESTED.name(), by, now, expiresAt, now);
    return new MeterCommand(id, meterId, action, reason, key, CommandState.REQUESTED, by, now, expiresAt, now, null);
  }

  /** Moves a command from {@code from} to {@code to}; false when it was no longer in {@code from}. */
  public boolean transition(long id, CommandState from, CommandState to, String detail) {
    return jdbc.update("UPDATE meter_command SET state = ?, detail = ?, updated_at = ? WHERE id = ? AND state = ?",
        to.name(), detail, Instant.now(), id, from.name()) == 1;
  }

  public Optional<MeterCommand> byId(long id) {
    return jdbc.one("SELECT " + COLUMNS + " FROM meter_command WHERE id = ?", CommandStore::map, id);
  }

  public Optional<MeterCommand> byKey(String key) {
    return jdbc.one("SELECT " + COLUMNS + " FROM meter_command WHERE idempotency_key = ?", CommandStore::map, key);
  }

  /** Newest first; all meters when {@code meterId} is null. */
  public List<MeterCommand> list(String meterId, int limit, int offset) {
    if (meterId == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM meter_command ORDER BY id DESC LIMIT ? OFFSET ?",
          CommandStore::map, limit, offset);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM meter_command WHERE meter_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        CommandStore::map, meterId, limit, offset);
  }

  /** Commands whose lifecycle has not ended. */
  public List<MeterCommand> unfinished() {
    return jdbc.query("SELECT " + COLUMNS + " FROM meter_command WHERE state IN ('REQUESTED', 'SENT', 'ACKNOWLEDGED')",
        CommandStore::map);
  }

  private static MeterCommand map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new MeterCommand(rs.getLong(1), rs.getString(2), RelayCommand.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), CommandState.valueOf(rs.getString(6)), rs.getString(7), SqlTime.get(rs, 8),
        SqlTime.get(rs, 9), SqlTime.get(rs, 10), rs.getString(11));
  }
}
