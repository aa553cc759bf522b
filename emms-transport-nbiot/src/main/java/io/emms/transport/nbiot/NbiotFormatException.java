package io.emms.transport.nbiot;

/** A datagram or CoAP payload that is not a valid EMMS NB-IoT message (see docs/nbiot.md for the format). */
public class NbiotFormatException extends Exception {

  public NbiotFormatException(String message) {
    super(message);
  }
}
