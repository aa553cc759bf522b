package io.emms.dlt645.codec;

/**
 * The control byte C: D7 direction (1 = meter to master), D6 abnormal (error reply), D5 follow-up frame exists,
 * D4..D0 function.
 */
public final class Dlt645Control {

  /** D7: the frame travels from meter to master. */
  public static final int RESPONSE = 0x80;
  /** D6: the meter refuses; DATA holds an error byte (a 2-byte word for security authentication). */
  public static final int ERROR = 0x40;
  /** D5: more data follows in a follow-up frame. */
  public static final int FOLLOW_UP = 0x20;
  /** D4..D0: the function. */
  public static final int FUNCTION_MASK = 0x1F;

  private Dlt645Control() {}

  /** The control byte of a master's request. */
  public static int request(Dlt645Function function, Dlt645Edition edition) {
    return function.code(edition);
  }

  /** The control byte of a normal reply to a request with this function. */
  public static int normalReply(Dlt645Function function, Dlt645Edition edition) {
    return RESPONSE | function.code(edition);
  }

  /** The control byte of a normal reply that announces a follow-up frame. */
  public static int followUpReply(Dlt645Function function, Dlt645Edition edition) {
    return RESPONSE | FOLLOW_UP | function.code(edition);
  }

  /** The control byte of an error reply to a request with this function. */
  public static int errorReply(Dlt645Function function, Dlt645Edition edition) {
    return RESPONSE | ERROR | function.code(edition);
  }

  public static boolean isResponse(int control) {
    return (control & RESPONSE) != 0;
  }

  public static boolean isErrorReply(int control) {
    return (control & (RESPONSE | ERROR)) == (RESPONSE | ERROR);
  }

  public static boolean hasFollowUp(int control) {
    return (control & FOLLOW_UP) != 0;
  }

  public static int functionBits(int control) {
    return control & FUNCTION_MASK;
  }
}
