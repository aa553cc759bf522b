package io.emms.transport.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Number of stop bits. */
public enum StopBits {
  ONE("1", SerialPort.ONE_STOP_BIT),
  ONE_POINT_FIVE("1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS),
  TWO("2", SerialPort.TWO_STOP_BITS);

  private final String notation;
  private final int jSerialComm;

  StopBits(String notation, int jSerialComm) {
    this.notation = notation;
    this.jSerialComm = jSerialComm;
  }

  /** The count as written in the short notation, as in {@code 8E1} or {@code 8N1.5}. */
  public String notation() {
    return notation;
  }

  int jSerialComm() {
    return jSerialComm;
  }
}
