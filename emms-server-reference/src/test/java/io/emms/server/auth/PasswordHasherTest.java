package io.emms.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idPhcStringsWithAFreshSaltEachTime() {
    String a = hasher.hash("correct horse battery");
    String b = hasher.hash("correct horse battery");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(a).isNotEqualTo(b);
    assertThat(hasher.verify("correct horse battery", a)).isTrue();
    assertThat(hasher.verify("correct horse battery", b)).isTrue();
    assertThat(hasher.verify("correct horse batterz", a)).isFalse();
  }

  @Test
  void malformedOrForeignHashesNeverMatchAndNeverThrow() {
    assertThat(hasher.verify("x", "")).isFalse();
    assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=x,t=2,p=1$AAAA$BBBB")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=8,t=1,p=1$!!!!$BBBB")).isFalse();
  }
}
