package io.emms.cli.poll;

import io.emms.cli.BadInputException;
import io.emms.cli.UntilStopped;
import io.emms.simulator.SimulatedMeters;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emms simulate line}: a mixed line behind a transparent gateway: DL/T 645 meters and Modbus RTU units
 * answering on one TCP connection, as a serial server or DTU in front of an RS-485 line would carry them. Each
 * connection gets its own set of meters.
 */
@Command(
    name = "line",
    mixinStandardHelpOptions = true,
    description = {
        "Serves a mixed line (DL/T 645 meters and Modbus RTU units on one connection) over TCP until stopped.",
        "Poll it with --line rtu-over-tcp://HOST:PORT."})
public final class LineSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--tcp", required = true, paramLabel = "PORT", description = "TCP port to listen on (0 = any free port)")
  int port;

  @Option(names = "--bind", defaultValue = TcpServerConfig.DEFAULT_BIND_ADDRESS,
      description = "address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 exposes the simulator to the network)")
  String bind;

  @Option(names = "--meter", required = true, paramLabel = "SPEC",
      description = "dlt645-2007:ADDRESS, dlt645-1997:ADDRESS or modbus:UNIT:PROFILE; repeat for several")
  List<String> meters;

  @Override
  public Integer call() {
    try {
      // Checks the specs before listening; each connection then gets meters of its own.
      SimulatedMeters.of(meters, 645).close();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--meter: " + e.getMessage(), e);
    }
    TcpServerConfig config = TcpServerConfig.builder().bindAddress(bind).port(port).build();
    try (TcpLinkServer server = new TcpLinkServer(config,
        link -> SimulatedMeters.of(meters, 645).responder().attach(link))) {
      server.start().join();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("simulating %d meter(s) %s on tcp:%s:%d (poll with --line rtu-over-tcp://%s:%d)%n",
          meters.size(), meters, bind, server.port(), bind, server.port());
      out.flush();
      UntilStopped.await();
    }
    return 0;
  }
}
