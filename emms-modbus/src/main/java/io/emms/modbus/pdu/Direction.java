package io.emms.modbus.pdu;

/** Which way a PDU travels; requests and responses of one function code have different layouts. */
public enum Direction {
  /** Client to server. */
  REQUEST,
  /** Server to client. */
  RESPONSE
}
