package io.emms.transport.dtu;

/**
 * When a DTU sends its registration packet. Both are in the field: USR-IOT calls them "connect with" and
 * "data with" (USR-N580 user manual, section 5.6 Registry Packet), HF2411 {@code AT+NREGSND=link|data}.
 */
public enum RegistrationMode {
  /** Once, as the first bytes after the TCP connection is made. */
  ONCE_AT_CONNECT,
  /** As the first bytes and again as a prefix on every packet the DTU sends; the server strips each copy. */
  PREFIX_ON_EVERY_PACKET
}
