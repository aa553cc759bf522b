package io.emms.dlt645.client;

/** What the meter's multi-function output terminal emits (2007, 1DH). */
public enum Dlt645TerminalOutput {
  /** Clock seconds pulses, for checking the meter's clock. */
  CLOCK_PULSE(0x00),
  /** A pulse at the end of each demand period. */
  DEMAND_PERIOD(0x01),
  /** A pulse at each tariff time-slot switch. */
  TIME_SLOT_SWITCH(0x02);

  private final int code;

  Dlt645TerminalOutput(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
