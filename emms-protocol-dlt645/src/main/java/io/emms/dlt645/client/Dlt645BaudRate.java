package io.emms.dlt645.client;

/**
 * Baud rates of the change-baud command and the bit of the {@code Z} byte that selects each (2007 Annex C).
 * Implementations disagree on this table; a meter that does not take a rate answers with an error reply.
 */
public enum Dlt645BaudRate {
  B600(600, 1),
  B1200(1200, 2),
  B2400(2400, 3),
  B4800(4800, 4),
  B9600(9600, 5),
  B19200(19200, 6);

  private final int bitsPerSecond;
  private final int bit;

  Dlt645BaudRate(int bitsPerSecond, int bit) {
    this.bitsPerSecond = bitsPerSecond;
    this.bit = bit;
  }

  public int bitsPerSecond() {
    return bitsPerSecond;
  }

  /** The {@code Z} byte that requests this rate. */
  public int z() {
    return 1 << bit;
  }

  /** The rate a {@code Z} byte selects. */
  public static Dlt645BaudRate ofZ(int z) {
    for (Dlt645BaudRate rate : values()) {
      if (rate.z() == z) {
        return rate;
      }
    }
    throw new IllegalArgumentException("Z byte selects no single baud rate: " + Integer.toHexString(z));
  }
}
