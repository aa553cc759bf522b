package io.emms.transport.nbiot;

import io.emms.core.meter.RelayCommand;
import java.util.Optional;

/**
 * The downlink payload of a relay command: {@code 01} (relay) then the command's code, in the order of
 * {@link #CODES} (00 trip, 01 close allowed, 02 close direct, 03 alarm, 04 alarm release, 05 keep power,
 * 06 keep power release).
 */
public final class RelayPayload {

  private static final int KIND_RELAY = 0x01;
  private static final RelayCommand[] CODES = {
    RelayCommand.TRIP, RelayCommand.CLOSE_ALLOWED, RelayCommand.CLOSE_DIRECT, RelayCommand.ALARM,
    RelayCommand.ALARM_RELEASE, RelayCommand.KEEP_POWER, RelayCommand.KEEP_POWER_RELEASE
  };

  private RelayPayload() {}

  public static byte[] encode(RelayCommand command) {
    for (int code = 0; code < CODES.length; code++) {
      if (CODES[code] == command) {
        return new byte[] {KIND_RELAY, (byte) code};
      }
    }
    throw new IllegalArgumentException(command + " has no code");
  }

  /** The relay command a payload carries, or empty if it carries something else. */
  public static Optional<RelayCommand> decode(byte[] payload) {
    if (payload.length != 2 || payload[0] != KIND_RELAY || payload[1] < 0 || payload[1] >= CODES.length) {
      return Optional.empty();
    }
    return Optional.of(CODES[payload[1]]);
  }
}
