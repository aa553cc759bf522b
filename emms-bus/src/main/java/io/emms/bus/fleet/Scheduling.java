package io.emms.bus.fleet;

import java.util.Locale;

/** Which scheduler a fleet line runs (see {@link io.emms.bus.Line}). */
public enum Scheduling {
  /** One transaction on the wire: RS-485, DTUs, transparent gateways. */
  HALF_DUPLEX,
  /** Several transactions on the wire, told apart by transaction id: Modbus TCP devices. */
  PIPELINED;

  /** The name used in fleet files: {@code half-duplex}, {@code pipelined}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
