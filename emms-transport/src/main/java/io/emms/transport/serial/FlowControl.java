package io.emms.transport.serial;

import com.fazecast.jSerialComm.SerialPort;

/** Flow control. Meters on RS-485 buses use {@link #NONE}. */
public enum FlowControl {
  NONE(SerialPort.FLOW_CONTROL_DISABLED),
  RTS_CTS(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
  DSR_DTR(SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED),
  XON_XOFF(SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

  private final int jSerialComm;

  FlowControl(int jSerialComm) {
    this.jSerialComm = jSerialComm;
  }

  int jSerialComm() {
    return jSerialComm;
  }
}
