package io.emms.cli.dlt645;

import io.emms.cli.command.LinkOptions;
import io.emms.cli.command.UntilStopped;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.LoadProfile;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms simulate dlt645}: simulated DL/T 645 meters on a TCP port, one simulator per connection. */
@Command(
    name = "dlt645",
    mixinStandardHelpOptions = true,
    description = "Serves simulated DL/T 645 meters over TCP until stopped (Ctrl-C).")
public final class Dlt645SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--tcp", required = true, paramLabel = "PORT", description = "TCP port to listen on (0 = any free port)")
  int port;

  @Option(names = "--bind", defaultValue = TcpServerConfig.DEFAULT_BIND_ADDRESS,
      description = "address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 exposes the simulator to the network)")
  String bind;

  @Option(names = "--meters", split = ",", paramLabel = "ADDR", defaultValue = "000102030425",
      description = "12-digit meter addresses, comma-separated (default ${DEFAULT-VALUE})")
  List<String> meters = new ArrayList<>();

  @Option(names = "--edition", defaultValue = "2007", description = "1997 or 2007 (default ${DEFAULT-VALUE})")
  String edition;

  @Option(names = "--load-kw", defaultValue = "2.0", description = "constant load of each meter in kW (default ${DEFAULT-VALUE})")
  double loadKw;

  @Option(names = "--initial-kwh", defaultValue = "1206.42",
      description = "forward active energy each meter starts from (default ${DEFAULT-VALUE})")
  double initialKwh;

  @Option(names = "--noise", defaultValue = "0.01", description = "relative noise on voltages and currents (default ${DEFAULT-VALUE})")
  double noise;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "the meters' local time zone, in which their clocks run (default ${DEFAULT-VALUE})")
  String zone;

  @Override
  public Integer call() {
    Dlt645Edition ed = Dlt645Options.edition(edition);
    ZoneId meterZone = Dlt645Options.zone(zone);
    List<SimulatedMeter> simulated = new ArrayList<>();
    long seed = 645;
    for (String address : meters) {
      simulated.add(new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Options.address(address))
          .edition(ed)
          .loadProfile(LoadProfile.constant(loadKw))
          .noise(noise)
          .initialEnergyKwh(initialKwh)
          .zone(meterZone)
          .seed(seed++)
          .build()));
    }
    SimulatedMeter[] served = simulated.toArray(SimulatedMeter[]::new);
    TcpServerConfig config = TcpServerConfig.builder().bindAddress(bind).port(LinkOptions.listenPort(port)).build();
    try (TcpLinkServer server = new TcpLinkServer(config, link -> Dlt645Simulator.attach(link, served).start())) {
      server.start().join();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("simulating %d DL/T 645-%s meter(s) %s, clocks in %s, on tcp:%s:%d%n",
          served.length, edition, meters, meterZone, bind, server.port());
      out.flush();
      UntilStopped.await();
    }
    return 0;
  }
}
