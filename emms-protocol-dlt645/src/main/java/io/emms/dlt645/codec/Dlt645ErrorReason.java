package io.emms.dlt645.codec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The bits of the error byte in an error reply. Their meaning differs between the editions in bits 0..2. */
public enum Dlt645ErrorReason {
  /** 2007 bit 0. */
  OTHER(-1, 0),
  /** 1997 bit 0. */
  ILLEGAL_DATA(0, -1),
  /** 2007 bit 1: the meter has no such item (or no value for it). */
  NO_REQUESTED_DATA(-1, 1),
  /** 1997 bit 1. */
  WRONG_DATA_IDENTIFIER(1, -1),
  /** Bit 2: wrong password, or (2007) not authorised. */
  PASSWORD_ERROR(2, 2),
  /** 2007 bit 3: the requested baud rate cannot be set. */
  BAUD_RATE_UNCHANGEABLE(-1, 3),
  /** Bit 4. */
  YEAR_ZONE_COUNT_EXCEEDED(4, 4),
  /** Bit 5. */
  DAY_SLOT_COUNT_EXCEEDED(5, 5),
  /** Bit 6. */
  TARIFF_COUNT_EXCEEDED(6, 6);

  private final int bit1997;
  private final int bit2007;

  Dlt645ErrorReason(int bit1997, int bit2007) {
    this.bit1997 = bit1997;
    this.bit2007 = bit2007;
  }

  /** The bit (0..7) of this reason in an edition, or -1 if the edition has no such bit. */
  public int bit(Dlt645Edition edition) {
    return edition == Dlt645Edition.V1997 ? bit1997 : bit2007;
  }

  /** The reasons set in an error byte; bits without a meaning in the edition are ignored. */
  public static Set<Dlt645ErrorReason> decode(int errorByte, Dlt645Edition edition) {
    EnumSet<Dlt645ErrorReason> reasons = EnumSet.noneOf(Dlt645ErrorReason.class);
    for (Dlt645ErrorReason reason : values()) {
      int bit = reason.bit(edition);
      if (bit >= 0 && (errorByte & (1 << bit)) != 0) {
        reasons.add(reason);
      }
    }
    return Collections.unmodifiableSet(reasons);
  }

  /** The error byte that carries these reasons in an edition (for simulators). */
  public static int encode(Set<Dlt645ErrorReason> reasons, Dlt645Edition edition) {
    int errorByte = 0;
    for (Dlt645ErrorReason reason : reasons) {
      int bit = reason.bit(edition);
      if (bit < 0) {
        throw new IllegalArgumentException(reason + " has no bit in " + edition);
      }
      errorByte |= 1 << bit;
    }
    return errorByte;
  }
}
