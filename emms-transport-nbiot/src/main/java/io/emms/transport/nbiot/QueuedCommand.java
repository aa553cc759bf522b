package io.emms.transport.nbiot;

import java.time.Instant;
import java.util.Objects;

/**
 * A downlink command waiting in a device's queue, as a {@link DownlinkStore} keeps it.
 *
 * @param id the command id the device acknowledges; commands of one device go out in id order
 * @param imei the device
 * @param idempotencyKey the caller's key: queueing the same key for the same device again adds nothing
 * @param payload the command's bytes
 * @param queuedAt when it was queued
 * @param expiresAt when it is given up if not acknowledged by then
 * @param attempts how often it has been sent so far
 */
public record QueuedCommand(
    long id, Imei imei, String idempotencyKey, byte[] payload, Instant queuedAt, Instant expiresAt, int attempts) {

  public QueuedCommand {
    Objects.requireNonNull(imei, "imei");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The same command, sent once more. */
  public QueuedCommand sentOnceMore() {
    return new QueuedCommand(id, imei, idempotencyKey, payload, queuedAt, expiresAt, attempts + 1);
  }

  /** What goes over the air. */
  public Downlink downlink() {
    return new Downlink(id, payload);
  }
}
