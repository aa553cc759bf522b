package io.emms.server;

import io.emms.core.meter.MeterControl;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.RelayCommand;
import io.emms.server.command.RelayState;
import io.emms.server.command.RelayStatusSource;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters behind a {@link MeterControl} for API tests: by address, a meter obeys, refuses, never answers, or
 * acknowledges without switching.
 */
public final class FakeMeters implements MeterControl, RelayStatusSource {

  public enum Behaviour { OBEY, REFUSE, SILENT, STUCK }

  private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
  private final Map<String, RelayState> relays = new ConcurrentHashMap<>();

  public void behave(String address, Behaviour b) {
    behaviour.put(address, b);
  }

  @Override
  public CompletableFuture<Void> relay(String meterId, RelayCommand command, Instant validUntil) {
    return switch (behaviour.getOrDefault(meterId, Behaviour.OBEY)) {
      case OBEY -> {
        relays.put(meterId, command == RelayCommand.TRIP ? RelayState.OPEN : RelayState.CLOSED);
        yield CompletableFuture.completedFuture(null);
      }
      case REFUSE -> CompletableFuture.failedFuture(new MeterException(meterId, "password wrong"));
      case SILENT -> new CompletableFuture<>();
      case STUCK -> CompletableFuture.completedFuture(null);
    };
  }

  @Override
  public CompletableFuture<Void> setClock(String meterId, Instant time) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<RelayState> read(String meterAddress) {
    return CompletableFuture.completedFuture(relays.getOrDefault(meterAddress, RelayState.CLOSED));
  }
}
