package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x02 (read discrete inputs): the bits packed LSB-first, padded with zeros to whole bytes.
 *
 * @param bits 1..250 bytes; a view, see the package docs for ownership
 */
public record ReadDiscreteInputsResponse(ByteBuf bits) implements ModbusResponse, BitView {

  public ReadDiscreteInputsResponse {
    Fields.requireBytes("bits", bits, 1, 250);
  }

  /** A response carrying these bits, in a heap buffer that needs no release. */
  public static ReadDiscreteInputsResponse of(boolean... values) {
    return new ReadDiscreteInputsResponse(Fields.packBits(values));
  }

  @Override
  public int functionCode() {
    return 0x02;
  }
}
