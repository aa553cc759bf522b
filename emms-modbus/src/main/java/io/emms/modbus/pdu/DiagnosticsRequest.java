package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Function 0x08: diagnostics (serial line only). Every standard sub-function carries one 16-bit data field;
 * "return query data" may carry any even number of bytes, which the server echoes.
 *
 * @param subFunction the sub-function code, 0..65535 (see {@link DiagnosticSubFunction})
 * @param data 2..250 bytes, an even count; a view, see the package docs for ownership
 */
public record DiagnosticsRequest(int subFunction, ByteBuf data) implements ModbusRequest {

  public DiagnosticsRequest {
    Fields.requireU16("subFunction", subFunction);
    Fields.requireRegisters("data", data, 125);
  }

  /** A request for a standard sub-function with its one 16-bit data field. */
  public static DiagnosticsRequest of(DiagnosticSubFunction subFunction, int value) {
    return new DiagnosticsRequest(subFunction.code(), Fields.packRegisters(value));
  }

  /** The first 16-bit data field (the only one for every standard sub-function but 0x00). */
  public int value() {
    return data.getUnsignedShort(data.readerIndex());
  }

  @Override
  public int functionCode() {
    return 0x08;
  }
}
