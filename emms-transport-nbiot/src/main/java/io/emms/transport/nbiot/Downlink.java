package io.emms.transport.nbiot;

import java.util.Objects;

/**
 * A command as it travels to the device: the id the device acknowledges and an opaque payload (for example a
 * {@link RelayPayload}).
 *
 * @param commandId the endpoint's id of the command, unique per store
 * @param payload the command's bytes; not copied
 */
public record Downlink(long commandId, byte[] payload) {

  public Downlink {
    Objects.requireNonNull(payload, "payload");
  }
}
