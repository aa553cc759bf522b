package io.emms.modbus.pdu;

/**
 * A PDU could not be decoded: it is truncated, its lengths disagree, or a field is out of the range the standard
 * allows. The only exception the PDU decoder throws.
 *
 * <p>A server answers a request that fails this way with {@link #exceptionCode()} for {@link #functionCode()}:
 * {@link ExceptionCode#ILLEGAL_DATA_VALUE} for a bad quantity, length or value, {@link
 * ExceptionCode#ILLEGAL_DATA_ADDRESS} when address + quantity runs past 0xFFFF, {@link
 * ExceptionCode#ILLEGAL_FUNCTION} for a function code that cannot be a request.
 */
public final class ModbusDecodeException extends Exception {

  private final int functionCode;
  private final ExceptionCode exceptionCode;

  public ModbusDecodeException(int functionCode, ExceptionCode exceptionCode, String message) {
    super(message, null, false, false);
    this.functionCode = functionCode;
    this.exceptionCode = exceptionCode;
  }

  /** The function code of the PDU, or -1 when the PDU was empty. */
  public int functionCode() {
    return functionCode;
  }

  /** The exception a server should answer with. */
  public ExceptionCode exceptionCode() {
    return exceptionCode;
  }
}
