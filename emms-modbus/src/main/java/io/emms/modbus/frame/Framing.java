package io.emms.modbus.frame;

/** The ways a Modbus PDU travels. */
public enum Framing {
  /** MBAP header over TCP or UDP. */
  TCP,
  /** Address, PDU, CRC-16: serial lines and RTU over TCP. */
  RTU,
  /** ':', hex, LRC, CR LF on serial lines. */
  ASCII
}
