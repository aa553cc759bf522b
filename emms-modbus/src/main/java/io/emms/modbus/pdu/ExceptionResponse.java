package io.emms.modbus.pdu;

/**
 * An exception response: the server refused or failed the request. On the wire the function code has bit 0x80 set.
 *
 * <p>Devices also send codes outside the standard list; such a response is kept with its raw code (and
 * {@link #exceptionCode()} {@code null}) so that the caller still learns that the device refused.
 *
 * @param functionCode the function that failed, 1..127 (without bit 0x80)
 * @param code the exception code as sent, 1..255 (0 means nothing and is refused)
 */
public record ExceptionResponse(int functionCode, int code) implements ModbusResponse {

  public ExceptionResponse {
    if (functionCode < 1 || functionCode > 0x7F) {
      throw new IllegalArgumentException("function code " + functionCode + " is not in 1..127");
    }
    if (code < 1 || code > 0xFF) {
      throw new IllegalArgumentException("exception code " + code + " is not in 1..255");
    }
  }

  /** A response refusing {@code functionCode} with a standard {@code exceptionCode}. */
  public ExceptionResponse(int functionCode, ExceptionCode exceptionCode) {
    this(functionCode, exceptionCode.code());
  }

  /** The standard exception this code stands for, or {@code null} for a code outside the standard list. */
  public ExceptionCode exceptionCode() {
    return ExceptionCode.of(code);
  }

  /** Whether the code is one of the standard list ({@link ExceptionCode}). */
  public boolean isStandard() {
    return exceptionCode() != null;
  }
}
