package io.emms.modbus.frame;

/**
 * RTU silent intervals (Modbus over Serial Line v1.02 section 2.5.1.1): 3.5 character times between frames, at most
 * 1.5 between characters of a frame, with one character = 11 bits; above 19200 baud fixed at 1750 µs and 750 µs.
 */
public final class RtuTiming {

  private static final int BITS_PER_CHARACTER = 11;

  private RtuTiming() {}

  /** t3.5: the silence that ends a frame, in nanoseconds. */
  public static long interFrameDelayNanos(int baudRate) {
    return baudRate > 19_200 ? 1_750_000L : characterTimesNanos(baudRate, 35);
  }

  /** t1.5: the longest silence allowed inside a frame, in nanoseconds. */
  public static long interCharacterTimeoutNanos(int baudRate) {
    return baudRate > 19_200 ? 750_000L : characterTimesNanos(baudRate, 15);
  }

  private static long characterTimesNanos(int baudRate, int tenthsOfCharacters) {
    if (baudRate <= 0) {
      throw new IllegalArgumentException("baud rate " + baudRate);
    }
    long numerator = BITS_PER_CHARACTER * 1_000_000_000L * tenthsOfCharacters;
    long denominator = 10L * baudRate;
    return (numerator + denominator - 1) / denominator;
  }
}
