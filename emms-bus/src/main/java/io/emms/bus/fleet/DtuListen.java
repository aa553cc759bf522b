package io.emms.bus.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the poller of a fleet listens for dial-in DTUs, for its {@code dtu://ID} lines: the fleet file's {@code dtu}
 * section. emms-bus only carries it; the command that polls starts the DTU server (emms-transport) before it makes
 * the lines.
 *
 * @param address {@code HOST:PORT} to listen on
 * @param framing the DTUs' framing name, or empty for the default
 * @param heartbeat the DTUs' heartbeat interval
 */
public record DtuListen(String address, String framing, Duration heartbeat) {

  public DtuListen {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(heartbeat, "heartbeat");
  }
}
