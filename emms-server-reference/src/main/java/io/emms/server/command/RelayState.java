package io.emms.server.command;

/** A load switch's position as the meter reports it. */
public enum RelayState {
  /** Open: the customer is disconnected. */
  OPEN,
  CLOSED
}
