package io.emms.dlt645.codec;

import java.util.Optional;

/** The functions of the control byte's low five bits, with their codes in each edition. */
public enum Dlt645Function {
  READ_DATA(0x01, 0x11),
  READ_FOLLOW_UP(0x02, 0x12),
  /** 1997 only: ask the meter to repeat its last reply. */
  RE_READ(0x03, Absent.CODE),
  WRITE_DATA(0x04, 0x14),
  /** 2007 only: L = 0 to address {@code AAAAAAAAAAAA}; the reply carries the address. */
  READ_ADDRESS(Absent.CODE, 0x13),
  WRITE_ADDRESS(0x0A, 0x15),
  /** To the broadcast address; meters do not reply. */
  BROADCAST_TIME_SYNC(0x08, 0x08),
  FREEZE(Absent.CODE, 0x16),
  CHANGE_BAUD(0x0C, 0x17),
  CHANGE_PASSWORD(0x0F, 0x18),
  CLEAR_MAX_DEMAND(0x10, 0x19),
  CLEAR_METER(Absent.CODE, 0x1A),
  CLEAR_EVENTS(Absent.CODE, 0x1B),
  /** 2007 only: trip, close, alarm and keep-power commands. */
  RELAY_CONTROL(Absent.CODE, 0x1C),
  MULTI_FUNCTION_OUTPUT(Absent.CODE, 0x1D),
  /** 2007 ESAM meters; its error reply carries a 2-byte error word. */
  SECURITY_AUTHENTICATION(Absent.CODE, 0x03);

  private final int code1997;
  private final int code2007;

  Dlt645Function(int code1997, int code2007) {
    this.code1997 = code1997;
    this.code2007 = code2007;
  }

  // A nested holder: enum constants cannot refer to the enum's own static fields.
  private static final class Absent {
    static final int CODE = -1;
  }

  /** Whether the edition defines this function. */
  public boolean supportedBy(Dlt645Edition edition) {
    return rawCode(edition) >= 0;
  }

  /**
   * The function bits (D4..D0) of this function in an edition.
   *
   * @throws IllegalArgumentException if the edition does not define this function
   */
  public int code(Dlt645Edition edition) {
    int code = rawCode(edition);
    if (code < 0) {
      throw new IllegalArgumentException(this + " does not exist in DL/T 645-" + edition.name().substring(1));
    }
    return code;
  }

  private int rawCode(Dlt645Edition edition) {
    return edition == Dlt645Edition.V1997 ? code1997 : code2007;
  }

  /** The function with these bits (the control byte's low five bits are used) in an edition. */
  public static Optional<Dlt645Function> of(int functionBits, Dlt645Edition edition) {
    int bits = functionBits & Dlt645Control.FUNCTION_MASK;
    for (Dlt645Function function : VALUES) {
      if (function.rawCode(edition) == bits) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }

  private static final Dlt645Function[] VALUES = values();
}
