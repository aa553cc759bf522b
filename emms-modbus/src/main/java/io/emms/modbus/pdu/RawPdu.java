package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * A PDU of a function this codec does not type (user-defined codes 65..72 and 100..110, or any other), kept as
 * its raw data; the same record serves both directions. A server that does not support the function answers
 * {@link ExceptionCode#ILLEGAL_FUNCTION}.
 *
 * @param functionCode 1..127
 * @param data the bytes after the function code, at most 252; a view, see the package docs for ownership
 */
public record RawPdu(int functionCode, ByteBuf data) implements ModbusRequest, ModbusResponse {

  public RawPdu {
    if (functionCode < 1 || functionCode > 0x7F) {
      throw new IllegalArgumentException("function code " + functionCode + " is not in 1..127");
    }
    Fields.requireBytes("data", data, 0, 252);
  }
}
