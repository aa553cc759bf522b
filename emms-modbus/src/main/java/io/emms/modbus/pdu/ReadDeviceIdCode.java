package io.emms.modbus.pdu;

/** The "Read Device ID code" of function 2B / MEI 0E: which objects a request asks for. */
public enum ReadDeviceIdCode {
  /** Stream access to the basic objects 0x00..0x02. */
  BASIC(0x01),
  /** Stream access to the regular objects 0x00..0x7F. */
  REGULAR(0x02),
  /** Stream access to the extended objects 0x00..0xFF. */
  EXTENDED(0x03),
  /** One specific object. */
  INDIVIDUAL(0x04);

  private final int code;

  ReadDeviceIdCode(int code) {
    this.code = code;
  }

  /** The code on the wire. */
  public int code() {
    return code;
  }

  /** The access type with this code, or {@code null}. */
  public static ReadDeviceIdCode of(int code) {
    return code >= 1 && code <= 4 ? values()[code - 1] : null;
  }
}
