package io.emms.transport.nbiot.modem;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Bc95Link} reaches its server.
 *
 * @param serverAddress the server's IP address (the modem takes no host names in {@code AT+NSOST})
 * @param serverPort the server's UDP port
 * @param localPort the modem's local UDP port for {@code AT+NSOCR}, or 0 for any
 * @param psm the power-saving timers to ask for with {@code AT+CPSMS}, if any
 * @param commandTimeout how long the driver waits for one AT command's final {@code OK} or {@code ERROR}
 */
public record Bc95Config(
    String serverAddress, int serverPort, int localPort, Optional<PsmTimers> psm, Duration commandTimeout) {

  public Bc95Config {
    Objects.requireNonNull(serverAddress, "serverAddress");
    Objects.requireNonNull(psm, "psm");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    if (!serverAddress.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("the modem needs a dotted IPv4 address, not \"" + serverAddress + "\"");
    }
    if (serverPort < 1 || serverPort > 65535 || localPort < 0 || localPort > 65535) {
      throw new IllegalArgumentException("ports must be 1..65535 (local: 0 for any)");
    }
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("commandTimeout must be positive");
    }
  }

  /** No PSM request, any local port, 10 s per command. */
  public static Bc95Config of(String serverAddress, int serverPort) {
    return new Bc95Config(serverAddress, serverPort, 0, Optional.empty(), Duration.ofSeconds(10));
  }

  /** The same, asking for these PSM timers when the link opens. */
  public Bc95Config withPsm(PsmTimers timers) {
    return new Bc95Config(serverAddress, serverPort, localPort, Optional.of(timers), commandTimeout);
  }
}
