package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x08 (diagnostics): the sub-function and its data, an echo or a counter value.
 *
 * @param subFunction the sub-function code, 0..65535 (see {@link DiagnosticSubFunction})
 * @param data 2..250 bytes, an even count; a view, see the package docs for ownership
 */
public record DiagnosticsResponse(int subFunction, ByteBuf data) implements ModbusResponse {

  public DiagnosticsResponse {
    Fields.requireU16("subFunction", subFunction);
    Fields.requireRegisters("data", data, 125);
  }

  /** A response for a standard sub-function with its one 16-bit data field. */
  public static DiagnosticsResponse of(DiagnosticSubFunction subFunction, int value) {
    return new DiagnosticsResponse(subFunction.code(), Fields.packRegisters(value));
  }

  /** The first 16-bit data field: the counter or register value for sub-functions 0x02 and 0x0B..0x12. */
  public int value() {
    return data.getUnsignedShort(data.readerIndex());
  }

  @Override
  public int functionCode() {
    return 0x08;
  }
}
