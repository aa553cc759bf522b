package io.emms.transport.nbiot;

import java.net.InetSocketAddress;

/**
 * What an {@link NbiotEndpoint} reports. Called from the endpoint's I/O threads: do not block; a listener that
 * throws is logged and does not disturb the endpoint.
 */
public interface NbiotListener {

  /**
   * A device sent readings, from {@code source} (which may change from one uplink to the next). Called after the
   * queue has chosen what to send back: a command queued from here goes out after the device's next message.
   */
  default void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {}

  /** A command ended: acknowledged, rejected or expired. */
  default void onCommandOutcome(CommandOutcome outcome) {}

  /** A datagram or CoAP payload was not a valid message; it was counted and dropped. */
  default void onBadPayload(InetSocketAddress source, NbiotFormatException error) {}
}
