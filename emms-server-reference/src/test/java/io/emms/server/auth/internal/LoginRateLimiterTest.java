package io.emms.server.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

  @Test
  void aClientGetsItsAttemptsPerWindowAndOthersAreNotAffected() {
    LoginRateLimiter l = new LoginRateLimiter(3, Duration.ofMinutes(1));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(l.tryAcquire("a", t)).isTrue();
    assertThat(l.tryAcquire("a", t.plusSeconds(1))).isTrue();
    assertThat(l.tryAcquire("a", t.plusSeconds(2))).isTrue();
    assertThat(l.tryAcquire("a", t.plusSeconds(3))).isFalse();
    assertThat(l.tryAcquire("b", t.plusSeconds(3))).isTrue();
    assertThat(l.tryAcquire("a", t.plusSeconds(61))).isTrue();
  }
}
