package io.emms.core.link;

import java.util.Locale;

/**
 * How a protocol that has both a serial-line and a network form frames its messages on a link. Only Modbus has
 * both today; protocols with one framing (DL/T 645) ignore it. A link URI names it with the reserved option
 * {@code framing}; without it the scheme's default applies ({@link LinkProvider#defaultFraming()}).
 */
public enum Framing {
  /** Binary serial-line frames (Modbus RTU: unit, PDU, CRC): serial ports, transparent gateways, DTUs. */
  RTU,
  /** Character serial-line frames (Modbus ASCII: ':', hex, LRC, CR LF). */
  ASCII,
  /** Network frames with a transaction header (Modbus MBAP over TCP or UDP), which allow pipelining. */
  MBAP;

  /** The name used in URIs and files: {@code rtu}, {@code ascii}, {@code mbap}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
