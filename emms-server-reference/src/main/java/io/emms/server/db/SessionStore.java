package io.emms.server.db;

import io.emms.server.auth.Role;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code app_session} table: sessions keyed by the SHA-256 of their token, never the token itself. */
public final class SessionStore {

  /** A live session with its user. */
  public record Session(String tokenHash, long userId, String username, Role role, String csrfToken,
      Instant expiresAt) {}

  private final Jdbc jdbc;

  public SessionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public void create(String tokenHash, long userId, String csrfToken, Instant expiresAt) {
    jdbc.update("INSERT INTO app_session (token_hash, user_id, csrf_token, created_at, expires_at)"
        + " VALUES (?, ?, ?, ?, ?)", tokenHash, userId, csrfToken, Instant.now(), expiresAt);
  }

  /** The unexpired session with this token hash. */
  public Optional<Session> find(String tokenHash, Instant now) {
    return jdbc.one("SELECT s.token_hash, s.user_id, u.username, u.role, s.csrf_token, s.expires_at"
            + " FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?",
        rs -> new Session(rs.getString(1), rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4)),
            rs.getString(5), SqlTime.get(rs, 6)),
        tokenHash, now);
  }

  public void extend(String tokenHash, Instant expiresAt) {
    jdbc.update("UPDATE app_session SET expires_at = ? WHERE token_hash = ?", expiresAt, tokenHash);
  }

  public void delete(String tokenHash) {
    jdbc.update("DELETE FROM app_session WHERE token_hash = ?", tokenHash);
  }

  /** Ends every session of a user (password changed, user removed); keeps {@code keepHash} when not null. */
  public void deleteForUser(long userId, String keepHash) {
    jdbc.update("DELETE FROM app_session WHERE user_id = ? AND token_hash <> ?", userId,
        keepHash == null ? "" : keepHash);
  }

  public void deleteExpired(Instant now) {
    jdbc.update("DELETE FROM app_session WHERE expires_at <= ?", now);
  }
}
