package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x01 (read coils): the bits packed LSB-first, padded with zeros to whole bytes.
 *
 * @param bits 1..250 bytes; a view, see the package docs for ownership
 */
public record ReadCoilsResponse(ByteBuf bits) implements ModbusResponse, BitView {

  public ReadCoilsResponse {
    Fields.requireBytes("bits", bits, 1, 250);
  }

  /** A response carrying these bits, in a heap buffer that needs no release. */
  public static ReadCoilsResponse of(boolean... values) {
    return new ReadCoilsResponse(Fields.packBits(values));
  }

  @Override
  public int functionCode() {
    return 0x01;
  }
}
