package io.emms.modbus.frame;

import io.netty.buffer.ByteBuf;

/** A Modbus ADU with its framing checks passed: the unit it addresses and the PDU it carries. */
public sealed interface ModbusFrame permits MbapFrame, SerialFrame {

  /** The unit identifier (TCP) or server address (serial), 0..255; 0 is broadcast on serial lines. */
  int unitId();

  /** The PDU bytes (function code and data), a view; see the package docs for how long it is valid. */
  ByteBuf pdu();

  /** This frame carrying {@code pdu} instead, e.g. a retained slice handed past the callback. */
  ModbusFrame withPdu(ByteBuf pdu);
}
