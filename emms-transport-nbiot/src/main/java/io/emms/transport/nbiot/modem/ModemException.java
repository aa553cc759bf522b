package io.emms.transport.nbiot.modem;

import io.emms.core.link.LinkException;

/** The modem answered an AT command with an error, an answer the driver cannot read, or not at all. */
public class ModemException extends LinkException {

  public ModemException(String message) {
    super(message);
  }
}
