package io.emms.transport.nbiot;

/** How a queued downlink command ended. */
public enum CommandStatus {
  /** The device acknowledged that it carried the command out. */
  ACKNOWLEDGED,
  /** The device acknowledged the command but refused to carry it out. */
  REJECTED,
  /** No acknowledgement came before the command's time to live ran out; the device never gets it now. */
  EXPIRED
}
