package io.emms.transport.mqtt;

import io.emms.core.meter.MeterControl;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Carries out the commands a {@link CommandResponder} receives; only called for commands not yet expired. */
@FunctionalInterface
public interface CommandHandler {

  /**
   * @param deadline when the command expires; a relay passes it on to the meter as its validity deadline
   * @return the outcome; a failed future is reported as {@link CommandOutcome.Status#FAILED}
   */
  CompletableFuture<CommandOutcome> handle(MeterCommand command, Instant deadline);

  /**
   * A handler that reads through a {@link io.emms.core.meter.MeterReader} and switches relays through a
   * {@link MeterControl} (a DL/T 645 client is both): a meter's refusal is {@code REFUSED}, no answer
   * {@code FAILED}.
   */
  static CommandHandler forMeters(io.emms.core.meter.MeterReader reader, MeterControl control) {
    return (command, deadline) -> {
      CompletableFuture<CommandOutcome> done;
      try {
        done = command instanceof MeterCommand.Read read
            ? reader.read(read.meterId(), read.quantities()).thenApply(CommandOutcome::executed)
            : control.relay(command.meterId(), ((MeterCommand.Relay) command).action(), deadline)
                .thenApply(v -> CommandOutcome.executed(List.of()));
      } catch (RuntimeException e) {
        done = CompletableFuture.failedFuture(e);
      }
      return done.exceptionally(CommandHandler::outcomeOf);
    };
  }

  private static CommandOutcome outcomeOf(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    boolean refused = cause instanceof MeterException && !(cause instanceof MeterTimeoutException)
        || cause instanceof IllegalArgumentException;
    return CommandOutcome.of(refused ? CommandOutcome.Status.REFUSED : CommandOutcome.Status.FAILED, String.valueOf(cause.getMessage()));
  }
}
