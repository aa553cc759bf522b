package io.emms.transport.nbiot;

import java.util.List;

/**
 * Where queued downlink commands are kept, so that they survive a restart of the endpoint. The endpoint calls it
 * under its own lock, one call at a time; an implementation backed by a database writes through on every call.
 * {@link InMemoryDownlinkStore} is the default.
 */
public interface DownlinkStore {

  /** A command id never handed out before by this store, greater than every id it holds. */
  long nextCommandId();

  /** Inserts or replaces (same id) a command. */
  void save(QueuedCommand command);

  /** Forgets a command; nothing happens if it is not there. */
  void remove(long commandId);

  /** Every command held, in id order. */
  List<QueuedCommand> loadAll();
}
