package io.emms.modbus.client;

/** How Modbus PDUs are framed on a link. */
public enum ModbusMode {
  /** Modbus TCP: MBAP header with transaction ids, so many requests may be in flight. */
  TCP(true, false),
  /** Modbus RTU on a serial line: binary frames with CRC, one request at a time per bus. */
  RTU(false, true),
  /** RTU frames carried over a TCP connection (serial gateways that do not translate to MBAP). */
  RTU_OVER_TCP(false, true),
  /** Modbus ASCII on a serial line: hex characters with LRC, one request at a time per bus. */
  ASCII(false, true),
  /** Modbus over UDP: one MBAP frame per datagram. */
  UDP(true, false);

  private final boolean pipelined;
  private final boolean serialFraming;

  ModbusMode(boolean pipelined, boolean serialFraming) {
    this.pipelined = pipelined;
    this.serialFraming = serialFraming;
  }

  /** Whether frames carry transaction ids, so requests can be pipelined. */
  public boolean pipelined() {
    return pipelined;
  }

  /** Whether frames are serial-line ADUs (address, PDU, CRC or LRC). */
  public boolean serialFraming() {
    return serialFraming;
  }
}
