package io.emms.transport.nbiot;

import java.util.concurrent.CompletableFuture;

/**
 * A queued command: its id and how it ends. The future lives only as long as the endpoint that queued the command;
 * after a restart the outcome still reaches {@link NbiotListener#onCommandOutcome}.
 *
 * @param commandId the command's id
 * @param outcome completes when the command is acknowledged, rejected or expired
 */
public record CommandTicket(long commandId, CompletableFuture<CommandOutcome> outcome) {}
