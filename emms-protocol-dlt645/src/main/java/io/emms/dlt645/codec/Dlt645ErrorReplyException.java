package io.emms.dlt645.codec;

import io.emms.core.meter.MeterRefusedException;
import java.util.Set;

/**
 * A meter answered with an error reply (D6 set). Carries the raw error byte and its meaning in the edition; for
 * security authentication (2007 function 03, reply C3) the 2-byte error word instead, whose bits are vendor- and
 * ESAM-specific and therefore not interpreted.
 */
public final class Dlt645ErrorReplyException extends MeterRefusedException {

  private final Dlt645Edition edition;
  private final int functionBits;
  private final int errorCode;
  private final boolean securityWord;

  private Dlt645ErrorReplyException(
      String meterId, Dlt645Edition edition, int functionBits, int errorCode, boolean securityWord) {
    super(meterId, describe(meterId, edition, functionBits, errorCode, securityWord));
    this.edition = edition;
    this.functionBits = functionBits;
    this.errorCode = errorCode;
    this.securityWord = securityWord;
  }

  /**
   * The exception an error reply frame stands for.
   *
   * @throws IllegalArgumentException if the frame is not an error reply
   */
  public static Dlt645ErrorReplyException of(Dlt645Frame frame, Dlt645Edition edition) {
    if (!frame.isErrorReply()) {
      throw new IllegalArgumentException("not an error reply: " + frame);
    }
    String meterId = frame.address().toString();
    boolean security = edition == Dlt645Edition.V2007
        && frame.functionBits() == Dlt645Function.SECURITY_AUTHENTICATION.code(edition);
    if (security) {
      int word = frame.dataLength() >= 2 ? frame.dataByte(0) | frame.dataByte(1) << 8 : errorByteOf(frame);
      return new Dlt645ErrorReplyException(meterId, edition, frame.functionBits(), word, true);
    }
    return new Dlt645ErrorReplyException(meterId, edition, frame.functionBits(), errorByteOf(frame), false);
  }

  /** An error reply carrying an error byte. */
  public static Dlt645ErrorReplyException ofErrorByte(
      String meterId, Dlt645Edition edition, int functionBits, int errorByte) {
    return new Dlt645ErrorReplyException(meterId, edition, functionBits, errorByte & 0xFF, false);
  }

  // A meter that sends an error reply without DATA still refuses; report it as "no bits set".
  private static int errorByteOf(Dlt645Frame frame) {
    return frame.dataLength() >= 1 ? frame.dataByte(0) : 0;
  }

  private static String describe(
      String meterId, Dlt645Edition edition, int functionBits, int code, boolean securityWord) {
    String head = "meter " + meterId + " refused function " + String.format("%02X", functionBits) + ": ";
    return securityWord
        ? head + "security error word " + String.format("%04X", code)
        : head + "error byte " + String.format("%02X", code) + " " + Dlt645ErrorReason.decode(code, edition);
  }

  public Dlt645Edition edition() {
    return edition;
  }

  /** The function bits of the refused request. */
  public int functionBits() {
    return functionBits;
  }

  /** Whether this is a security-authentication reply carrying a 2-byte error word. */
  public boolean isSecurityError() {
    return securityWord;
  }

  /** The error byte, or the low byte of the security error word. */
  public int errorByte() {
    return errorCode & 0xFF;
  }

  /** The 2-byte security error word (sent low byte first), or -1 for an ordinary error reply. */
  public int securityErrorWord() {
    return securityWord ? errorCode : -1;
  }

  /** The meaning of the error byte in the edition; empty for security error words. */
  public Set<Dlt645ErrorReason> reasons() {
    return securityWord ? Set.of() : Dlt645ErrorReason.decode(errorCode, edition);
  }
}
