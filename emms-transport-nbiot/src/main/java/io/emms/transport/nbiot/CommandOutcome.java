package io.emms.transport.nbiot;

import java.time.Instant;
import java.util.Objects;

/**
 * How a downlink command ended.
 *
 * @param commandId the command
 * @param imei its device
 * @param idempotencyKey the key it was queued with
 * @param status acknowledged, rejected or expired
 * @param at when the endpoint learnt it
 * @param attempts how often the command was sent (0 for a command that expired before the device woke)
 */
public record CommandOutcome(
    long commandId, Imei imei, String idempotencyKey, CommandStatus status, Instant at, int attempts) {

  public CommandOutcome {
    Objects.requireNonNull(imei, "imei");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
