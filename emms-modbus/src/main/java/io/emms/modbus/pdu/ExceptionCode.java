package io.emms.modbus.pdu;

/** Modbus exception codes (Modbus Application Protocol v1.1b3 section 7, plus the legacy 07). */
public enum ExceptionCode {
  ILLEGAL_FUNCTION(0x01),
  ILLEGAL_DATA_ADDRESS(0x02),
  ILLEGAL_DATA_VALUE(0x03),
  SERVER_DEVICE_FAILURE(0x04),
  ACKNOWLEDGE(0x05),
  SERVER_DEVICE_BUSY(0x06),
  /** Not in v1.1b3 but still sent by older devices (program function could not be performed). */
  NEGATIVE_ACKNOWLEDGE(0x07),
  MEMORY_PARITY_ERROR(0x08),
  GATEWAY_PATH_UNAVAILABLE(0x0A),
  GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND(0x0B);

  private static final ExceptionCode[] BY_CODE = new ExceptionCode[256];

  static {
    for (ExceptionCode c : values()) {
      BY_CODE[c.code] = c;
    }
  }

  private final int code;

  ExceptionCode(int code) {
    this.code = code;
  }

  /** The code on the wire. */
  public int code() {
    return code;
  }

  /** The exception with this code, or {@code null} if the code is not defined. */
  public static ExceptionCode of(int code) {
    return (code & ~0xFF) == 0 ? BY_CODE[code] : null;
  }
}
