package io.emms.server.auth;

import io.emms.server.auth.internal.LoginRateLimiter;
import io.emms.server.db.AuditLog;
import io.emms.server.db.SessionStore;
import io.emms.server.db.UserStore;
import io.emms.server.db.UserStore.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts and sessions: sign-in with lock-out after repeated failures and a per-client rate limit, sign-out,
 * password changes, and accounts created by an administrator (there is no self-registration and no default
 * account). Every decision is audited.
 */
public final class AuthService {

  /** Consecutive failures after which an account is locked for {@link #LOCK_TIME}. */
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_TIME = Duration.ofMinutes(15);
  /** Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask for more). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

  private final UserStore users;
  private final SessionStore sessions;
  private final AuditLog audit;
  private final PasswordHasher hasher = new PasswordHasher();
  private final LoginRateLimiter limiter;
  private final Duration sessionTtl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Verified against when the user does not exist, so that timing does not tell which names exist. */
  private final String dummyHash;

  public AuthService(UserStore users, SessionStore sessions, AuditLog audit, Duration sessionTtl, Clock clock,
      LoginRateLimiter limiter) {
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.sessionTtl = sessionTtl;
    this.clock = clock;
    this.limiter = limiter;
    this.dummyHash = hasher.hash("not a password of anybody");
  }

  /**
   * Signs a user in.
   *
   * @param client the client's address, for rate limiting and the audit log
   * @throws AuthException 429 when the client tries too often, 423 when the account is locked, 401 otherwise
   */
  public LoginResult login(String username, String password, String client) {
    Instant now = clock.instant();
    if (!limiter.tryAcquire(client, now)) {
      audit.append(username, "login.throttled", client, null);
      throw new AuthException(429, "too many sign-in attempts; wait a minute");
    }
    Optional<User> found = users.byName(username);
    if (found.isEmpty()) {
      hasher.verify(password, dummyHash);
      audit.append(username, "login.failed", client, "unknown user");
      throw new AuthException(401, "wrong username or password");
    }
    User u = found.get();
    if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
      audit.append(username, "login.locked", client, null);
      throw new AuthException(423, "account locked after " + MAX_FAILURES + " failed sign-ins; try again later");
    }
    if (!hasher.verify(password, u.passwordHash())) {
      boolean lock = u.failedLogins() + 1 >= MAX_FAILURES;
      users.recordFailure(u.id(), lock ? now.plus(LOCK_TIME) : null);
      audit.append(username, lock ? "login.lockout" : "login.failed", client, null);
      throw new AuthException(401, "wrong username or password");
    }
    users.clearFailures(u.id());
    sessions.deleteExpired(now);
    String token = randomHex(32);
    String csrf = randomHex(32);
    String hash = sha256(token);
    sessions.create(hash, u.id(), csrf, now.plus(sessionTtl));
    audit.append(username, "login", client, null);
    return new LoginResult(token, new Principal(u.id(), u.username(), u.role(), hash, csrf));
  }

  /** The principal of a live session token, extending the session; empty when unknown or expired. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || token.length() != 64) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = sha256(token);
    return sessions.find(hash, now).map(s -> {
      if (s.expiresAt().isBefore(now.plus(sessionTtl).minus(sessionTtl.dividedBy(10)))) {
        sessions.extend(hash, now.plus(sessionTtl));
      }
      return new Principal(s.userId(), s.username(), s.role(), hash, s.csrfToken());
    });
  }

  public void logout(Principal p) {
    sessions.delete(p.sessionHash());
    audit.append(p.username(), "logout", null, null);
  }

  /** Changes the caller's password after checking the current one; ends the caller's other sessions. */
  public void changePassword(Principal p, String current, String replacement) {
    User u = users.byId(p.userId()).orElseThrow(() -> new AuthException(401, "user no longer exists"));
    if (!hasher.verify(current, u.passwordHash())) {
      audit.append(p.username(), "password.change.refused", null, "wrong current password");
      throw new AuthException(403, "current password is wrong");
    }
    checkPassword(replacement);
    users.setPassword(u.id(), hasher.hash(replacement));
    sessions.deleteForUser(u.id(), p.sessionHash());
    audit.append(p.username(), "password.change", p.username(), null);
  }

  /**
   * Creates an account.
   *
   * @param actor who creates it (an administrator, or {@code "cli"} for create-admin)
   * @throws IllegalArgumentException naming the bad field ({@code username} or {@code password})
   */
  public User createUser(String actor, String username, String password, Role role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException("username: 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    checkPassword(password);
    User u = users.create(username, hasher.hash(password), role);
    audit.append(actor, "user.create", username, "role " + role);
    return u;
  }

  /** Sets another user's password (administrators) and ends that user's sessions. */
  public void resetPassword(String actor, long userId, String password) {
    checkPassword(password);
    users.setPassword(userId, hasher.hash(password));
    sessions.deleteForUser(userId, null);
    audit.append(actor, "user.password.reset", String.valueOf(userId), null);
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 1024) {
      throw new IllegalArgumentException("password: at most 1024 characters");
    }
  }

  private String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
