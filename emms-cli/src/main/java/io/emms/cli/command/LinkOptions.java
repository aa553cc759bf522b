package io.emms.cli.command;

import io.emms.core.link.Link;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where a {@code read} command finds the meter: {@code --tcp HOST:PORT} or {@code --serial PATH} with line settings. */
public final class LinkOptions {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--baud", paramLabel = "BPS", description = "serial baud rate (default: the protocol's usual rate)")
  Integer baud;

  @Option(names = "--parity", paramLabel = "PARITY", description = "serial parity: none, even, odd (default: the protocol's)")
  String parity;

  static final class Target {
    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "a TCP gateway, DTU or simulator")
    String tcp;

    @Option(names = "--serial", paramLabel = "PATH", description = "a serial port by path, e.g. /dev/ttyUSB0")
    String serial;
  }

  /** A closed link to the target; the protocol's defaults apply to serial settings not given. */
  public Link open(Parity defaultParity, int defaultBaud) {
    if (target.tcp != null) {
      int colon = target.tcp.lastIndexOf(':');
      if (colon <= 0) {
        throw new BadInputException("--tcp takes HOST:PORT, not \"" + target.tcp + "\"");
      }
      int port = port("--tcp", target.tcp.substring(colon + 1), 1);
      return new TcpClientLink(TcpClientConfig.builder(target.tcp.substring(0, colon), port)
          .reconnect(ReconnectPolicy.never())
          .build());
    }
    return new SerialLink(SerialConfig.builder(target.serial)
        .baudRate(baud == null ? defaultBaud : baud)
        .parity(parity == null ? defaultParity : parity(parity))
        .build());
  }

  /** A {@code --tcp} port to listen on: 0 (any free port) to 65535. */
  public static int listenPort(int port) {
    return port("--tcp", Integer.toString(port), 0);
  }

  /**
   * A TCP port given as text, checked for its range.
   *
   * @param lowest 1 for a port to dial, 0 for a port to listen on (0: any free port)
   */
  private static int port(String option, String text, int lowest) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadInputException(option + " port must be a number, not \"" + text + "\"");
    }
    if (port < lowest || port > 65535) {
      throw new BadInputException(option + " port must be " + lowest + "..65535, not " + port);
    }
    return port;
  }

  /** A response timeout option, which must be positive. */
  public static Duration timeout(long millis) {
    if (millis <= 0) {
      throw new BadInputException("--timeout must be a positive number of milliseconds, not " + millis);
    }
    return Duration.ofMillis(millis);
  }

  private static Parity parity(String name) {
    try {
      return Parity.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--parity must be none, even, odd, mark or space, not \"" + name + "\"");
    }
  }
}
