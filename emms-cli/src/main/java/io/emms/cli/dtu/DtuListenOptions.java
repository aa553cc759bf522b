package io.emms.cli.dtu;

import io.emms.bus.fleet.DtuListen;
import io.emms.cli.command.BadInputException;
import io.emms.core.time.DurationText;
import io.emms.transport.dtu.DtuFraming;
import io.emms.transport.dtu.DtuServer;
import io.emms.transport.dtu.DtuServerConfig;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --dtu-listen HOST:PORT [--dtu-framing NAME] [--dtu-heartbeat DURATION]}: a DTU server for the command's
 * {@code dtu://ID} lines, started before the lines are made; the command line wins over a fleet file's
 * {@code dtu} section.
 */
public final class DtuListenOptions {

  @Option(names = "--dtu-listen", paramLabel = "HOST:PORT",
      description = "accept dial-in DTUs here, for dtu://ID lines (0.0.0.0 for DTUs on the network; port 0: any)")
  String listen;

  @Option(names = "--dtu-framing", defaultValue = DtuFraming.DEFAULT, paramLabel = "NAME",
      description = "the DTUs' registration and heartbeat framing: usr-iot, usr-iot-data, fastbee-7e "
          + "(default ${DEFAULT-VALUE})")
  String framing;

  @Option(names = "--dtu-heartbeat", defaultValue = "30s", paramLabel = "DURATION",
      description = "the DTUs' heartbeat interval; silent for 2.5 of them is idle (default ${DEFAULT-VALUE})")
  String heartbeat;

  /**
   * Starts a DTU server if {@code --dtu-listen} was given, else as the fleet file's {@code dtu} section says (if it
   * has one), and says where it listens on {@code err}.
   */
  public Optional<DtuServer> start(PrintWriter err, Optional<DtuListen> fromFile) {
    if (listen != null) {
      return Optional.of(start(err, "--dtu-listen", listen, framing, heartbeat));
    }
    return fromFile.map(dtu -> start(err, "the fleet file's dtu.listen", dtu.address(),
        dtu.framing().isEmpty() ? DtuFraming.DEFAULT : dtu.framing(), DurationText.format(dtu.heartbeat())));
  }

  private static DtuServer start(PrintWriter err, String option, String address, String framing, String heartbeat) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new BadInputException(option + " must be HOST:PORT, not " + address);
    }
    DtuServer server;
    try {
      server = new DtuServer(DtuServerConfig.builder()
          .bindAddress(address.substring(0, colon))
          .port(Integer.parseInt(address.substring(colon + 1)))
          .framing(DtuFraming.named(framing))
          .heartbeatInterval(DurationText.parse(heartbeat))
          .build());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + ": " + e.getMessage(), e);
    }
    try {
      server.start().join();
    } catch (RuntimeException e) {
      throw new BadInputException(option + " " + address + ": " + e.getMessage(), e);
    }
    err.printf("listening for %s DTUs on tcp:%s:%d%n", framing, server.config().bindAddress(), server.port());
    err.flush();
    return server;
  }
}
