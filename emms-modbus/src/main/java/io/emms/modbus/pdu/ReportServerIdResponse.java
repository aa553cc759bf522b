package io.emms.modbus.pdu;

import io.netty.buffer.ByteBuf;

/**
 * Response to function 0x11 (report server ID): a device-specific server ID, the run indicator (0x00 off, 0xFF on)
 * and any additional data, kept as the raw bytes because their layout is up to the device.
 *
 * @param data 1..251 bytes; a view, see the package docs for ownership
 */
public record ReportServerIdResponse(ByteBuf data) implements ModbusResponse {

  public ReportServerIdResponse {
    Fields.requireBytes("data", data, 1, 251);
  }

  @Override
  public int functionCode() {
    return 0x11;
  }
}
