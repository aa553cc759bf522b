package io.emms.transport.nbiot;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The per-device downlink queues, after Huawei's platform: commands wait until the device is heard from (a
 * device in PSM is reachable only right after it sends), go out one at a time in id order, each waiting for its
 * acknowledgement; an unacknowledged command is resent, on each uplink and, while the device is still awake, every
 * resend interval, until it is acknowledged or expires. Every change goes through the store first.
 *
 * <p>Thread-safe; outcomes are reported outside the lock.
 */
final class DownlinkQueue {

  /** How a device was last heard: a UDP source address (downlinks sent there), or CoAP (downlinks ride on replies). */
  record Route(InetSocketAddress address, boolean datagram) {}

  /** A downlink to send now over UDP. */
  record Send(InetSocketAddress to, Downlink downlink) {}

  private static final int REMEMBERED_OUTCOMES = 4096;

  private final DownlinkStore store;
  private final Clock clock;
  private final Duration resendInterval;
  private final Duration awakeWindow;
  private final Consumer<CommandOutcome> outcomes;
  private final Map<Imei, Device> devices = new HashMap<>();
  private final Map<Long, CompletableFuture<CommandOutcome>> waiting = new HashMap<>();
  private final Map<String, CommandOutcome> ended = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CommandOutcome> eldest) {
      return size() > REMEMBERED_OUTCOMES;
    }
  };

  /** Loads what the store holds. */
  DownlinkQueue(DownlinkStore store, Clock clock, Duration resendInterval, Duration awakeWindow,
      Consumer<CommandOutcome> outcomes) {
    this.store = store;
    this.clock = clock;
    this.resendInterval = resendInterval;
    this.awakeWindow = awakeWindow;
    this.outcomes = outcomes;
    for (QueuedCommand command : store.loadAll()) {
      device(command.imei()).commands.add(command);
    }
  }

  /** Queues a command, or returns the one already queued (or recently ended) under the same key for the device. */
  CommandTicket enqueue(Imei imei, String idempotencyKey, byte[] payload, Duration ttl) {
    synchronized (this) {
      CommandOutcome done = ended.get(key(imei, idempotencyKey));
      if (done != null) {
        return new CommandTicket(done.commandId(), CompletableFuture.completedFuture(done));
      }
      Device device = device(imei);
      for (QueuedCommand queued : device.commands) {
        if (queued.idempotencyKey().equals(idempotencyKey)) {
          return new CommandTicket(queued.id(), waiting.computeIfAbsent(queued.id(), id -> new CompletableFuture<>()));
        }
      }
      Instant now = clock.instant();
      QueuedCommand command =
          new QueuedCommand(store.nextCommandId(), imei, idempotencyKey, payload.clone(), now, now.plus(ttl), 0);
      store.save(command);
      device.commands.add(command);
      CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
      waiting.put(command.id(), outcome);
      return new CommandTicket(command.id(), outcome);
    }
  }

  /** The device sent an uplink: remembers the route, and returns the command to send it now, if any. */
  Optional<Downlink> heard(Imei imei, Route route) {
    List<CommandOutcome> expired = new ArrayList<>();
    Optional<Downlink> next;
    synchronized (this) {
      Device device = device(imei);
      Instant now = clock.instant();
      device.route = route;
      device.heardAt = now;
      expire(device, now, expired);
      next = sendHead(device, now);
    }
    report(expired);
    return next;
  }

  /** The device acknowledged a command: ends it and returns the next one to send while it is awake, if any. */
  Optional<Downlink> acknowledged(DeviceMessage.Ack ack, Route route) {
    List<CommandOutcome> done = new ArrayList<>();
    Optional<Downlink> next;
    synchronized (this) {
      Device device = device(ack.imei());
      Instant now = clock.instant();
      device.route = route;
      device.heardAt = now;
      QueuedCommand head = device.commands.peek();
      if (head != null && head.id() == ack.commandId() && head.attempts() > 0) {
        device.commands.poll();
        end(head, ack.done() ? CommandStatus.ACKNOWLEDGED : CommandStatus.REJECTED, now, done);
      }
      expire(device, now, done);
      next = sendHead(device, now);
    }
    report(done);
    return next;
  }

  /** Expires what is due and returns the resends due to devices that are awake and reached over UDP. */
  List<Send> sweep() {
    List<CommandOutcome> expired = new ArrayList<>();
    List<Send> sends = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      for (Iterator<Device> it = devices.values().iterator(); it.hasNext(); ) {
        Device device = it.next();
        expire(device, now, expired);
        if (resendDue(device, now)) {
          sendHead(device, now).ifPresent(d -> sends.add(new Send(device.route.address(), d)));
        }
        if (device.commands.isEmpty()) {
          it.remove(); // nothing to deliver: where it was heard no longer matters
        }
      }
    }
    report(expired);
    return sends;
  }

  /** The commands waiting for a device, head first. */
  synchronized List<QueuedCommand> pending(Imei imei) {
    Device device = devices.get(imei);
    return device == null ? List.of() : List.copyOf(device.commands);
  }

  private boolean resendDue(Device device, Instant now) {
    return !device.commands.isEmpty()
        && device.route != null
        && device.route.datagram()
        && device.sentAt != null
        && !now.isBefore(device.sentAt.plus(resendInterval))
        && now.isBefore(device.heardAt.plus(awakeWindow));
  }

  private Optional<Downlink> sendHead(Device device, Instant now) {
    QueuedCommand head = device.commands.poll();
    if (head == null) {
      return Optional.empty();
    }
    QueuedCommand sent = head.sentOnceMore();
    store.save(sent);
    device.commands.addFirst(sent);
    device.sentAt = now;
    return Optional.of(sent.downlink());
  }

  private void expire(Device device, Instant now, List<CommandOutcome> expired) {
    for (Iterator<QueuedCommand> it = device.commands.iterator(); it.hasNext(); ) {
      QueuedCommand command = it.next();
      if (!now.isBefore(command.expiresAt())) {
        it.remove();
        end(command, CommandStatus.EXPIRED, now, expired);
      }
    }
  }

  private void end(QueuedCommand command, CommandStatus status, Instant now, List<CommandOutcome> into) {
    store.remove(command.id());
    CommandOutcome outcome = new CommandOutcome(
        command.id(), command.imei(), command.idempotencyKey(), status, now, command.attempts());
    ended.put(key(command.imei(), command.idempotencyKey()), outcome);
    into.add(outcome);
  }

  private void report(List<CommandOutcome> done) {
    for (CommandOutcome outcome : done) {
      CompletableFuture<CommandOutcome> future;
      synchronized (this) {
        future = waiting.remove(outcome.commandId());
      }
      outcomes.accept(outcome);
      if (future != null) {
        future.complete(outcome);
      }
    }
  }

  private Device device(Imei imei) {
    return devices.computeIfAbsent(imei, i -> new Device());
  }

  private static String key(Imei imei, String idempotencyKey) {
    return imei.digits() + '/' + idempotencyKey;
  }

  /** One device's queue, and where and when it was last heard. */
  private static final class Device {
    final ArrayDeque<QueuedCommand> commands = new ArrayDeque<>();
    Route route;
    Instant heardAt;
    Instant sentAt;
  }
}
