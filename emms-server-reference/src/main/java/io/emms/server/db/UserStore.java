package io.emms.server.db;

import io.emms.server.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code app_user} table. */
public final class UserStore {

  /**
   * A stored user.
   *
   * @param lockedUntil sign-in refused until then after too many failures; {@code null} when not locked
   */
  public record User(long id, String username, String passwordHash, Role role, int failedLogins, Instant lockedUntil,
      Instant createdAt) {}

  private static final String COLUMNS = "id, username, password_hash, role, failed_logins, locked_until, created_at";
  private final Jdbc jdbc;

  public UserStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Creates a user; {@link DuplicateKeyException} when the name is taken. */
  public User create(String username, String passwordHash, Role role) {
    Instant now = Instant.now();
    long id = jdbc.insert("INSERT INTO app_user (username, password_hash, role, failed_logins, created_at)"
        + " VALUES (?, ?, ?, 0, ?)", username, passwordHash, role.name(), now);
    return new User(id, username, passwordHash, role, 0, null, now);
  }

  public Optional<User> byName(String username) {
    return jdbc.one("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", UserStore::map, username);
  }

  public Optional<User> byId(long id) {
    return jdbc.one("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", UserStore::map, id);
  }

  public List<User> list(int limit, int offset) {
    return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username LIMIT ? OFFSET ?", UserStore::map,
        limit, offset);
  }

  public long count() {
    return jdbc.one("SELECT COUNT(*) FROM app_user", rs -> rs.getLong(1)).orElse(0L);
  }

  public void setPassword(long id, String passwordHash) {
    jdbc.update("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
        passwordHash, id);
  }

  /** Counts a failed sign-in; locks the account until {@code lockUntil} when that is not null. */
  public void recordFailure(long id, Instant lockUntil) {
    jdbc.update("UPDATE app_user SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?",
        lockUntil, id);
  }

  public void clearFailures(long id) {
    jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?", id);
  }

  public boolean delete(long id) {
    return jdbc.update("DELETE FROM app_user WHERE id = ?", id) == 1;
  }

  private static User map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getInt(5),
        SqlTime.get(rs, 6), SqlTime.get(rs, 7));
  }
}
