package io.emms.server.command;

import io.emms.core.meter.RelayCommand;
import java.time.Instant;

/**
 * A command to a meter and where it stands.
 *
 * @param idempotencyKey chosen by the client: the same key returns the same command instead of a second one
 * @param detail why the command failed, or what was read back
 */
public record MeterCommand(long id, String meterId, RelayCommand action, String reason, String idempotencyKey,
    CommandState state, String requestedBy, Instant requestedAt, Instant expiresAt, Instant updatedAt,
    String detail) {}
