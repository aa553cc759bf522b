package io.emms.server.command;

import io.emms.core.meter.MeterControl;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.meter.RelayCommand;
import io.emms.server.db.AuditLog;
import io.emms.server.db.CommandStore;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.MeterStore;
import io.emms.server.registry.Meter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote relay control with a confirmed outcome. A command goes requested → sent → acknowledged → verified (the
 * relay position read back matches), or ends failed, timed out or expired; every step is stored and appended to
 * the audit log. Commands are sent through {@link MeterControl} with the command's expiry as the meter's
 * validity deadline; a command not finished when the server stopped is closed as timed out at the next start,
 * never left hanging.
 */
public final class CommandService {

  /** The relay commands whose effect can be read back, and the position each should leave. */
  public static final Map<RelayCommand, RelayState> VERIFIABLE =
      Map.of(RelayCommand.TRIP, RelayState.OPEN, RelayCommand.CLOSE_DIRECT, RelayState.CLOSED);

  private static final Logger log = LoggerFactory.getLogger(CommandService.class);

  private final CommandStore commands;
  private final MeterStore meters;
  private final AuditLog audit;
  private final MeterControl control;
  private final RelayStatusSource status;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param timeout how long the meter has to acknowledge, and then to report its relay status
   */
  public CommandService(CommandStore commands, MeterStore meters, AuditLog audit, MeterControl control,
      RelayStatusSource status, Duration timeout, Clock clock) {
    this.commands = commands;
    this.meters = meters;
    this.audit = audit;
    this.control = control;
    this.status = status;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * Records a command and starts executing it. A repeated idempotency key returns the command it first created.
   *
   * @throws NoSuchElementException when the meter is unknown
   * @throws CommandConflictException when the key was used for another meter or action
   */
  public MeterCommand request(String actor, String meterId, RelayCommand action, String reason, String key,
      Duration validity) {
    Meter meter = meters.byId(meterId).orElseThrow(() -> new NoSuchElementException("meter " + meterId));
    var existing = commands.byKey(key);
    if (existing.isPresent()) {
      return sameOrConflict(existing.get(), meterId, action);
    }
    MeterCommand c;
    try {
      c = commands.create(meterId, action, reason, key, actor, clock.instant().plus(validity));
    } catch (DuplicateKeyException e) {
      return sameOrConflict(commands.byKey(key).orElseThrow(), meterId, action);
    }
    audit.append(actor, "command.requested", meterId, "#" + c.id() + " " + action + ": " + reason);
    execute(c, meter);
    return c;
  }

  /** Closes commands left unfinished by a previous run: expired ones as EXPIRED, the rest as TIMED_OUT. */
  public void recover() {
    for (MeterCommand c : commands.unfinished()) {
      boolean expired = c.expiresAt().isBefore(clock.instant());
      step(c, c.state(), expired ? CommandState.EXPIRED : CommandState.TIMED_OUT,
          "server restarted before the outcome was known");
    }
  }

  private static MeterCommand sameOrConflict(MeterCommand c, String meterId, RelayCommand action) {
    if (!c.meterId().equals(meterId) || c.action() != action) {
      throw new CommandConflictException("idempotencyKey already used for command #" + c.id());
    }
    return c;
  }

  private void execute(MeterCommand c, Meter meter) {
    if (!clock.instant().isBefore(c.expiresAt())) {
      step(c, CommandState.REQUESTED, CommandState.EXPIRED, "expired before it could be sent");
      return;
    }
    step(c, CommandState.REQUESTED, CommandState.SENT, "to " + meter.address());
    control.relay(meter.address(), c.action(), c.expiresAt())
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(ack -> {
          step(c, CommandState.SENT, CommandState.ACKNOWLEDGED, null);
          return status.read(meter.address()).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        })
        .whenComplete((position, error) -> conclude(c, meter, position, error));
  }

  private void conclude(MeterCommand c, Meter meter, RelayState position, Throwable error) {
    try {
      CommandState now = commands.byId(c.id()).map(MeterCommand::state).orElse(CommandState.SENT);
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean timedOut = cause instanceof TimeoutException || cause instanceof MeterTimeoutException;
        String why = timedOut ? "no answer within " + timeout.toSeconds() + " s"
            : cause instanceof MeterException ? "meter refused: " + cause.getMessage() : "link error: " + cause;
        step(c, now, timedOut ? CommandState.TIMED_OUT : CommandState.FAILED, why);
        return;
      }
      meters.setRelayState(meter.id(), position.name());
      RelayState expected = VERIFIABLE.get(c.action());
      if (position == expected) {
        step(c, now, CommandState.VERIFIED, "relay reads " + position);
      } else {
        step(c, now, CommandState.FAILED, "relay reads " + position + ", expected " + expected);
      }
    } catch (RuntimeException e) {
      log.error("Command #{}: cannot record its outcome", c.id(), e);
    }
  }

  private void step(MeterCommand c, CommandState from, CommandState to, String detail) {
    if (commands.transition(c.id(), from, to, detail)) {
      audit.append("system", "command." + to.name().toLowerCase(java.util.Locale.ROOT), c.meterId(),
          "#" + c.id() + (detail == null ? "" : " " + detail));
    }
  }
}
