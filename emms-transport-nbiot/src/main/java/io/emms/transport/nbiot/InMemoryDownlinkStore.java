package io.emms.transport.nbiot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps queued commands in memory: they survive a restart of an endpoint that is given the same store again, not
 * of the JVM.
 */
public final class InMemoryDownlinkStore implements DownlinkStore {

  private final AtomicLong lastId = new AtomicLong();
  private final ConcurrentSkipListMap<Long, QueuedCommand> commands = new ConcurrentSkipListMap<>();

  @Override
  public long nextCommandId() {
    return lastId.incrementAndGet();
  }

  @Override
  public void save(QueuedCommand command) {
    commands.put(command.id(), command);
  }

  @Override
  public void remove(long commandId) {
    commands.remove(commandId);
  }

  @Override
  public List<QueuedCommand> loadAll() {
    return new ArrayList<>(commands.values());
  }
}
