package io.emms.transport.dtu.internal;

/** How a registered connection ended, as far as the connection itself can tell. */
public enum ConnectionEnd {
  /** Nothing arrived within the reader-idle timeout. */
  IDLE,
  /** The peer or the network closed it, or this side did (the owner knows which). */
  CLOSED,
  /** An I/O error. */
  FAILED
}
