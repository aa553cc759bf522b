package io.emms.cli.modbus;

import io.emms.cli.command.BadInputException;
import io.emms.cli.command.LinkOptions;
import io.emms.cli.command.UntilStopped;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.modbus.server.GenericDeviceSimulator;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ModbusService;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms simulate modbus}: a profiled meter or a generic device on a Modbus TCP port. */
@Command(
    name = "modbus",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a simulated Modbus TCP device until stopped (Ctrl-C).",
      "With --profile it impersonates that meter with live values; without, a generic device whose coils, discrete",
      "inputs, holding and input registers 0-9999 are readable and change every second; beyond is exception 02."
    })
public final class ModbusSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--tcp", required = true, paramLabel = "PORT", description = "TCP port to listen on (0 = any free port)")
  int port;

  @Option(names = "--bind", defaultValue = TcpServerConfig.DEFAULT_BIND_ADDRESS,
      description = "address to bind (default ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--profile", paramLabel = "NAME", description = "meter profile: ${COMPLETION-CANDIDATES}",
      completionCandidates = ProfileNames.class)
  String profile;

  @Option(names = "--unit", defaultValue = "1", description = "unit id to answer (default ${DEFAULT-VALUE})")
  int unit;

  @Override
  public Integer call() throws Exception {
    if (unit < 1 || unit > 247) {
      throw new BadInputException("--unit must be 1..247, not " + unit);
    }
    Device device = profile == null ? generic() : profiled();
    try (AutoCloseable ticking = device.ticker();
        ModbusServer server = ModbusServer.create(ModbusMode.TCP, unit, device.service());
        TcpLinkServer tcp = new TcpLinkServer(
            TcpServerConfig.builder().bindAddress(bind).port(LinkOptions.listenPort(port)).build(), server::attach)) {
      tcp.start().join();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("simulating %s as Modbus TCP unit %d on tcp:%s:%d%n", device.name(), unit, bind, tcp.port());
      out.flush();
      UntilStopped.await();
    }
    return 0;
  }

  private record Device(String name, ModbusService service, AutoCloseable ticker) {}

  private static Device generic() {
    GenericDeviceSimulator device = new GenericDeviceSimulator().start(Duration.ofSeconds(1));
    return new Device("a generic device", device.service(), device);
  }

  private Device profiled() {
    ProfiledMeterSimulator meter = new ProfiledMeterSimulator(
        MeterProfiles.find(profile).orElseThrow(() -> new BadInputException(
            "unknown profile \"" + profile + "\"; profiles are " + MeterProfiles.names())),
        645).start(Duration.ofSeconds(1));
    return new Device(meter.profile().model(), meter.service(), meter);
  }

  /** Profile names for the help text. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return MeterProfiles.names().iterator();
    }
  }
}
