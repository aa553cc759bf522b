package io.emms.cli.dtu;

import io.emms.cli.BadInputException;
import io.emms.core.time.DurationText;
import io.emms.transport.dtu.DtuFraming;
import io.emms.transport.dtu.DtuServer;
import io.emms.transport.dtu.DtuServerConfig;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --dtu-listen HOST:PORT [--dtu-framing NAME] [--dtu-heartbeat DURATION]}: a DTU server for the command's
 * {@code dtu://ID} lines, started before the lines are made.
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

  /** Starts the server if {@code --dtu-listen} was given and says where it listens on {@code err}. */
  public Optional<DtuServer> start(PrintWriter err) {
    if (listen == null) {
      return Optional.empty();
    }
    int colon = listen.lastIndexOf(':');
    if (colon <= 0) {
      throw new BadInputException("--dtu-listen must be HOST:PORT, not " + listen);
    }
    DtuServer server;
    try {
      server = new DtuServer(DtuServerConfig.builder()
          .bindAddress(listen.substring(0, colon))
          .port(Integer.parseInt(listen.substring(colon + 1)))
          .framing(DtuFraming.named(framing))
          .heartbeatInterval(DurationText.parse(heartbeat))
          .build());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    try {
      server.start().join();
    } catch (RuntimeException e) {
      throw new BadInputException("--dtu-listen " + listen + ": " + e.getMessage(), e);
    }
    err.printf("listening for %s DTUs on tcp:%s:%d%n", framing, server.config().bindAddress(), server.port());
    err.flush();
    return Optional.of(server);
  }
}
