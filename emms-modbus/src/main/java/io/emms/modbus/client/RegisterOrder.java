package io.emms.modbus.client;

/**
 * How the bytes of a multi-register value are ordered, named after the 32-bit case where the value's bytes from
 * most to least significant are {@code A B C D}. The Modbus specification fixes only the byte order inside one
 * register (big-endian); the order of the registers of a longer value is the device's choice. For 64-bit values
 * the same two rules apply: {@link #wordSwap()} reverses the order of the registers, {@link #byteSwap()} swaps
 * the two bytes inside each register.
 */
public enum RegisterOrder {
  /** Big-endian throughout: most significant register first (Eastron, CHINT, most meters). */
  ABCD(false, false),
  /** Least significant register first, bytes big-endian inside each ("word swapped", many PLCs). */
  CDAB(true, false),
  /** Most significant register first, bytes swapped inside each register. */
  BADC(false, true),
  /** Little-endian throughout. */
  DCBA(true, true);

  private final boolean wordSwap;
  private final boolean byteSwap;

  RegisterOrder(boolean wordSwap, boolean byteSwap) {
    this.wordSwap = wordSwap;
    this.byteSwap = byteSwap;
  }

  /** Whether the least significant register comes first. */
  public boolean wordSwap() {
    return wordSwap;
  }

  /** Whether each register carries its low byte first. */
  public boolean byteSwap() {
    return byteSwap;
  }
}
