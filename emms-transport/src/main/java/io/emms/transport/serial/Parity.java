package io.emms.transport.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Serial parity. DL/T 645 uses {@link #EVEN}. */
public enum Parity {
  NONE('N', SerialPort.NO_PARITY),
  EVEN('E', SerialPort.EVEN_PARITY),
  ODD('O', SerialPort.ODD_PARITY),
  MARK('M', SerialPort.MARK_PARITY),
  SPACE('S', SerialPort.SPACE_PARITY);

  private final char letter;
  private final int jSerialComm;

  Parity(char letter, int jSerialComm) {
    this.letter = letter;
    this.jSerialComm = jSerialComm;
  }

  /** The letter used in the usual short notation, as in {@code 8E1}. */
  public char letter() {
    return letter;
  }

  int jSerialComm() {
    return jSerialComm;
  }
}
