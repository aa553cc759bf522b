package io.emms.transport.nbiot.modem;

import java.time.Duration;
import java.util.Objects;

/**
 * The two power-saving-mode timers a device asks the network for with {@code AT+CPSMS} (3GPP TS 27.007 §7.38;
 * Quectel BC95 AT Commands Manual V2.0 §3.20): the periodic tracking-area update T3412, how often the device
 * wakes at the latest, and the active time T3324, how long it stays reachable after it sent. They travel as one
 * byte each, written as 8 binary digits: a 3-bit unit and a 5-bit multiple (GPRS Timer 3 and GPRS Timer 2 of
 * 3GPP TS 24.008 §10.5.7.4a and §10.5.7.3).
 *
 * @param periodicTau T3412, at most 320 h × 31
 * @param activeTime T3324, at most 6 min × 31
 */
public record PsmTimers(Duration periodicTau, Duration activeTime) {

  /** GPRS Timer 3 units in seconds, by their 3-bit code (T3412). */
  private static final long[] TIMER3_UNITS = {600, 3600, 36_000, 2, 30, 60, 1_152_000};
  /** GPRS Timer 2 units in seconds, by their 3-bit code (T3324). */
  private static final long[] TIMER2_UNITS = {2, 60, 360};

  public PsmTimers {
    Objects.requireNonNull(periodicTau, "periodicTau");
    Objects.requireNonNull(activeTime, "activeTime");
    encode(periodicTau, TIMER3_UNITS, "periodicTau");
    encode(activeTime, TIMER2_UNITS, "activeTime");
  }

  /**
   * The T3412 byte as {@code AT+CPSMS} takes it, such as {@code "00000110"} (1 h, as 10 min × 6: the finest exact
   * unit).
   */
  public String periodicTauBits() {
    return bits(encode(periodicTau, TIMER3_UNITS, "periodicTau"));
  }

  /** The T3324 byte as {@code AT+CPSMS} takes it, such as {@code "00000101"} (10 s). */
  public String activeTimeBits() {
    return bits(encode(activeTime, TIMER2_UNITS, "activeTime"));
  }

  /** The {@code AT+CPSMS} command that asks for these timers. */
  public String command() {
    return "AT+CPSMS=1,,,\"" + periodicTauBits() + "\",\"" + activeTimeBits() + "\"";
  }

  /** Reads a GPRS Timer 3 byte (T3412). */
  public static Duration periodicTauOf(String bits) {
    return decode(bits, TIMER3_UNITS);
  }

  /** Reads a GPRS Timer 2 byte (T3324). */
  public static Duration activeTimeOf(String bits) {
    return decode(bits, TIMER2_UNITS);
  }

  /** The exact encoding with the finest unit that reaches the duration in at most 31 steps. */
  private static int encode(Duration d, long[] units, String what) {
    long seconds = d.getSeconds();
    int best = -1;
    for (int code = 0; code < units.length; code++) {
      long unit = units[code];
      boolean exact = d.getNano() == 0 && seconds % unit == 0 && seconds / unit <= 31;
      if (exact && (best < 0 || unit < units[best])) {
        best = code;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException(what + " " + d + " is not a multiple (0..31) of a 3GPP timer unit");
    }
    return best << 5 | (int) (seconds / units[best]);
  }

  private static Duration decode(String bits, long[] units) {
    if (bits.length() != 8 || !bits.chars().allMatch(c -> c == '0' || c == '1')) {
      throw new IllegalArgumentException("a 3GPP timer is 8 binary digits, not \"" + bits + "\"");
    }
    int value = Integer.parseInt(bits, 2);
    int code = value >> 5;
    if (code >= units.length) {
      throw new IllegalArgumentException("timer unit " + code + " is deactivated or not defined: " + bits);
    }
    return Duration.ofSeconds(units[code] * (value & 0x1F));
  }

  private static String bits(int value) {
    String s = Integer.toBinaryString(value);
    return "0".repeat(8 - s.length()) + s;
  }
}
