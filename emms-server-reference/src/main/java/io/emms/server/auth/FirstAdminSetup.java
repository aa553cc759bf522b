package io.emms.server.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-time token printed at a start with no accounts: whoever holds it may create the first administrator,
 * once. It lives in memory only, so a restart prints a new one while there is still no account.
 */
public final class FirstAdminSetup {

  private final AtomicReference<String> token = new AtomicReference<>();

  /** Issues a token; call only when there is no account. */
  public String issue() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    String t = HexFormat.of().formatHex(b);
    token.set(t);
    return t;
  }

  /** Whether {@code candidate} is the live token; a matching token is used up. */
  public boolean redeem(String candidate) {
    String t = token.get();
    if (t == null || candidate == null || !MessageDigest.isEqual(t.getBytes(), candidate.getBytes())) {
      return false;
    }
    return token.compareAndSet(t, null);
  }
}
