package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/**
 * A meter address: 12 BCD digits, sent low byte first.
 *
 * <p>The raw value holds the six address bytes most significant first, so its hexadecimal form is the address
 * a person reads on the meter's nameplate: meter {@code 000102030425} is {@code 0x000102030425} and goes on the
 * wire as {@code 25 04 03 02 01 00}. Bytes that are not BCD are kept as received (e.g. the {@code AA} wildcard).
 *
 * @param raw the 48-bit address, most significant byte first
 */
public record Dlt645Address(long raw) {

  /** All nines: broadcast (time sync, freeze); meters never reply to it. */
  public static final Dlt645Address BROADCAST = new Dlt645Address(0x999999999999L);

  /** All {@code AA}: any meter; used to read or write the address of the only meter on a bus. */
  public static final Dlt645Address WILDCARD = new Dlt645Address(0xAAAAAAAAAAAAL);

  /** Bytes of an address on the wire. */
  public static final int LENGTH = 6;

  private static final int WILDCARD_BYTE = 0xAA;

  public Dlt645Address {
    if ((raw & ~0xFFFFFFFFFFFFL) != 0) {
      throw new IllegalArgumentException("address exceeds 48 bits: " + Long.toHexString(raw));
    }
  }

  /**
   * Parses the 12 digits a person reads, e.g. {@code "000102030425"}. Each digit pair is decimal, or {@code AA}
   * as a 2007 wildcard.
   *
   * @throws IllegalArgumentException if the text is not 12 such characters
   */
  public static Dlt645Address of(String twelveDigits) {
    if (twelveDigits.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an address has 12 digits: '" + twelveDigits + "'");
    }
    long raw = 0;
    for (int i = 0; i < twelveDigits.length(); i += 2) {
      raw = (raw << 8) | parsePair(twelveDigits, i);
    }
    return new Dlt645Address(raw);
  }

  private static int parsePair(String text, int i) {
    char hi = text.charAt(i);
    char lo = text.charAt(i + 1);
    if ((hi == 'A' || hi == 'a') && (lo == 'A' || lo == 'a')) {
      return WILDCARD_BYTE;
    }
    if (hi < '0' || hi > '9' || lo < '0' || lo > '9') {
      throw new IllegalArgumentException("not a decimal digit pair or AA at " + i + ": '" + text + "'");
    }
    return (hi - '0') << 4 | (lo - '0');
  }

  /** Reads an address at an absolute index (low byte first) without moving the reader index. */
  public static Dlt645Address readFrom(ByteBuf buf, int index) {
    return new Dlt645Address(readRaw(buf, index));
  }

  /** The raw 48-bit value of the address at {@code index}; allocation-free. */
  static long readRaw(ByteBuf buf, int index) {
    return buf.getUnsignedIntLE(index) | (long) buf.getUnsignedShortLE(index + 4) << 32;
  }

  /** Writes the address low byte first. */
  public void writeTo(ByteBuf out) {
    for (int i = 0; i < LENGTH; i++) {
      out.writeByte((int) (raw >>> (8 * i)));
    }
  }

  /** Whether this is the broadcast address {@code 999999999999}. */
  public boolean isBroadcast() {
    return raw == BROADCAST.raw;
  }

  /**
   * Whether a frame sent to this address concerns {@code meter}: the same address, the broadcast address, or a
   * 2007 wildcard whose high bytes are {@code AA} and whose remaining low bytes equal the meter's. A meter that
   * matches a broadcast must still not reply to it.
   */
  public boolean matches(Dlt645Address meter) {
    if (raw == meter.raw || isBroadcast()) {
      return true;
    }
    int wildcardBytes = 0;
    while (wildcardBytes < LENGTH && byteAt(LENGTH - 1 - wildcardBytes) == WILDCARD_BYTE) {
      wildcardBytes++;
    }
    if (wildcardBytes == 0) {
      return false;
    }
    long lowMask = wildcardBytes == LENGTH ? 0 : (1L << (8 * (LENGTH - wildcardBytes))) - 1;
    return (raw & lowMask) == (meter.raw & lowMask);
  }

  private int byteAt(int lowFirstIndex) {
    return (int) (raw >>> (8 * lowFirstIndex)) & 0xFF;
  }

  /** The 12 digits as printed on the meter, e.g. {@code 000102030425}. */
  @Override
  public String toString() {
    String hex = Long.toHexString(raw).toUpperCase(Locale.ROOT);
    return "0".repeat(2 * LENGTH - hex.length()) + hex;
  }
}
