package io.emms.dlt645.client;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The password and operator code a 2007 meter checks before it accepts a write, clear or relay command.
 *
 * <p>On the wire this is {@code PA P0 P1 P2 C0 C1 C2 C3}: the authority level, the six-digit password as packed
 * BCD low byte first, then the operator code low byte first. A meter usually grants level 02 for parameter
 * writes and level 04 for relay commands, but that is its configuration, not the SDK's.
 *
 * @param level the authority level PA, 0..0x99; {@code 0x98} selects the ESAM (ciphertext) path
 * @param password six decimal digits, e.g. {@code "123456"}
 * @param operatorCode eight hex digits identifying the operator in the meter's event records
 */
public record Dlt645Credentials(int level, String password, String operatorCode) {

  /** The authority level meters with a security chip expect for commands carrying ciphertext. */
  public static final int ESAM_LEVEL = 0x98;

  public Dlt645Credentials {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(operatorCode, "operatorCode");
    if (level < 0 || level > 0xFF) {
      throw new IllegalArgumentException("level must be one byte, got " + level);
    }
    if (!password.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("password must be six decimal digits");
    }
    if (!operatorCode.matches("[0-9A-Fa-f]{8}")) {
      throw new IllegalArgumentException("operator code must be eight hex digits, got " + operatorCode);
    }
  }

  /** Level 02, password 000000, operator 00000000: what many meters ship with. */
  public static Dlt645Credentials factoryDefault() {
    return new Dlt645Credentials(0x02, "000000", "00000000");
  }

  /** Writes {@code PA P0 P1 P2} (plain, before the +33H of the frame layer). */
  public void writePasswordTo(ByteBuf out) {
    out.writeByte(level);
    writeLowFirst(password, out);
  }

  /** Writes {@code C0 C1 C2 C3}. */
  public void writeOperatorTo(ByteBuf out) {
    writeLowFirst(operatorCode, out);
  }

  /** Writes the password then the operator code: the 8-byte prefix of writes, clears and relay commands. */
  public void writeTo(ByteBuf out) {
    writePasswordTo(out);
    writeOperatorTo(out);
  }

  /** The same credentials at another authority level, e.g. {@link #ESAM_LEVEL}. */
  public Dlt645Credentials atLevel(int newLevel) {
    return new Dlt645Credentials(newLevel, password, operatorCode);
  }

  private static void writeLowFirst(String digits, ByteBuf out) {
    for (int i = digits.length() - 2; i >= 0; i -= 2) {
      out.writeByte(Integer.parseInt(digits, i, i + 2, 16));
    }
  }

  @Override
  public String toString() {
    // Never print the password: commands are logged.
    return "Dlt645Credentials[level=" + String.format("%02X", level) + ", operator=" + operatorCode + "]";
  }
}
