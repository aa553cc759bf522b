package io.emms.cli.dtu;

import io.emms.cli.command.BadInputException;
import io.emms.cli.command.UntilStopped;
import io.emms.core.time.DurationText;
import io.emms.transport.dtu.DtuClientConfig;
import io.emms.transport.dtu.DtuFraming;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms simulate dtu}: a DTU that dials in to a server and answers for simulated meters behind it. */
@Command(
    name = "dtu",
    mixinStandardHelpOptions = true,
    description = {
        "Plays a 4G DTU until stopped (Ctrl-C): dials the server, registers with its id, heartbeats, dials again",
        "when dropped, and answers for the simulated meters on its serial bus (DL/T 645 and Modbus RTU mixed)."})
public final class DtuSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", description = "the DTU server to dial")
  String connect;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "the DTU's registration id")
  String id;

  @Option(names = "--framing", defaultValue = DtuFraming.DEFAULT, paramLabel = "NAME",
      description = "registration and heartbeat framing: usr-iot, usr-iot-data, fastbee-7e (default ${DEFAULT-VALUE})")
  String framing;

  @Option(names = "--heartbeat", defaultValue = "30s", paramLabel = "DURATION",
      description = "heartbeat after this long without sending (default ${DEFAULT-VALUE})")
  String heartbeat;

  @Option(names = "--meter", required = true, paramLabel = "SPEC",
      description = "dlt645-2007:ADDRESS, dlt645-1997:ADDRESS or modbus:UNIT:PROFILE; repeat for several")
  List<String> meters;

  @Override
  public Integer call() {
    DtuClientConfig config = config();
    DtuSimulator simulator;
    try {
      simulator = DtuSimulator.of(config, meters);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--meter: " + e.getMessage(), e);
    }
    try (simulator) {
      simulator.open();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("simulating DTU %s (%s) with %s, dialling %s%n", id, config.framing(), meters, connect);
      out.flush();
      UntilStopped.await();
    }
    return 0;
  }

  private DtuClientConfig config() {
    int colon = connect.lastIndexOf(':');
    if (colon <= 0) {
      throw new BadInputException("--connect must be HOST:PORT, not " + connect);
    }
    try {
      Duration beat = DurationText.parse(heartbeat);
      return DtuClientConfig.builder(connect.substring(0, colon), Integer.parseInt(connect.substring(colon + 1)), id)
          .framing(DtuFraming.named(framing)).heartbeatInterval(beat).build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
