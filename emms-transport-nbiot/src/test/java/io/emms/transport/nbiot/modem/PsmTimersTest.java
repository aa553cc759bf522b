package io.emms.transport.nbiot.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timer bytes worked out from 3GPP TS 24.008 §10.5.7.3 (GPRS Timer 2) and §10.5.7.4a (GPRS Timer 3). */
class PsmTimersTest {

  @Test
  void encodesWithTheFinestExactUnit() {
    PsmTimers timers = new PsmTimers(Duration.ofHours(1), Duration.ofSeconds(10));

    assertThat(timers.periodicTauBits()).isEqualTo("00000110"); // unit 000 = 10 min, × 6 (finer than 1 h × 1)
    assertThat(timers.activeTimeBits()).isEqualTo("00000101"); // unit 000 = 2 s, × 5
    assertThat(timers.command()).isEqualTo("AT+CPSMS=1,,,\"00000110\",\"00000101\"");
  }

  @Test
  void moreVectors() {
    assertThat(new PsmTimers(Duration.ofHours(30), Duration.ofMinutes(2)).periodicTauBits()).isEqualTo("00111110"); // 1 h × 30
    assertThat(new PsmTimers(Duration.ofHours(30), Duration.ofMinutes(2)).activeTimeBits()).isEqualTo("00100010");
    // 60 s: 2 s × 30 (unit 011) is finer than 1 min × 1 (unit 101)
    assertThat(new PsmTimers(Duration.ofSeconds(60), Duration.ofMinutes(18)).periodicTauBits()).isEqualTo("01111110");
    assertThat(new PsmTimers(Duration.ofSeconds(60), Duration.ofMinutes(18)).activeTimeBits()).isEqualTo("00110010"); // 1 min × 18
  }

  @Test
  void decodesWhatItEncodes() {
    assertThat(PsmTimers.periodicTauOf("01000011")).isEqualTo(Duration.ofHours(30));
    assertThat(PsmTimers.activeTimeOf("00100010")).isEqualTo(Duration.ofMinutes(2));
    assertThat(PsmTimers.activeTimeOf("00000000")).isZero();
  }

  @Test
  void refusesWhatNoUnitExpresses() {
    assertThatThrownBy(() -> new PsmTimers(Duration.ofSeconds(3), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PsmTimers(Duration.ofHours(1), Duration.ofHours(4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PsmTimers.activeTimeOf("11100000")).isInstanceOf(IllegalArgumentException.class);
  }
}
