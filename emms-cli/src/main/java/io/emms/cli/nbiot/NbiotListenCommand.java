package io.emms.cli.nbiot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;
import io.emms.cli.command.UntilStopped;
import io.emms.cli.output.JsonOutput;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Reading;
import io.emms.transport.nbiot.CommandOutcome;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.NbiotEndpoint;
import io.emms.transport.nbiot.NbiotEndpointConfig;
import io.emms.transport.nbiot.NbiotFormatException;
import io.emms.transport.nbiot.NbiotListener;
import io.emms.transport.nbiot.RelayPayload;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms nbiot listen}: prints NB-IoT meters' readings as ndjson and delivers queued relay commands. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Receives NB-IoT uplinks (docs/nbiot.md) until stopped (Ctrl-C) and prints each reading as one JSON line",
      "(meter, quantity, value, unit, quality, time). Each --command is delivered after the meter's next uplink;",
      "its outcome (ACKNOWLEDGED, REJECTED, EXPIRED) is printed as a JSON line too. Bad payloads go to stderr."
    })
public final class NbiotListenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--udp", paramLabel = "[HOST:]PORT",
      description = "UDP address to listen on (host " + NbiotEndpointConfig.DEFAULT_BIND_ADDRESS + " unless given;"
          + " port 0 = any free port)")
  String udp;

  @Option(names = "--coap", paramLabel = "[HOST:]PORT",
      description = "CoAP address to listen on (host " + NbiotEndpointConfig.DEFAULT_BIND_ADDRESS + " unless given;"
          + " port 0 = any free port)")
  String coap;

  @Option(names = "--command", paramLabel = "IMEI:RELAY[:TTL]",
      description = "queue a relay command (TRIP, CLOSE_ALLOWED, CLOSE_DIRECT, ALARM, ALARM_RELEASE, KEEP_POWER,"
          + " KEEP_POWER_RELEASE) for a meter; TTL such as 10m (default 48h)")
  List<String> commands = new ArrayList<>();

  @Override
  public Integer call() {
    if (udp == null && coap == null) {
      throw new BadInputException("give --udp, --coap or both");
    }
    NbiotEndpointConfig.Builder config = NbiotEndpointConfig.builder();
    if (udp != null) {
      InetSocketAddress a = address("--udp", udp);
      config.udp(a.getHostString(), a.getPort());
    }
    if (coap != null) {
      InetSocketAddress a = address("--coap", coap);
      config.coap(a.getHostString(), a.getPort());
    }
    List<QueuedRelay> relays = commands.stream().map(NbiotListenCommand::relay).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (NbiotEndpoint endpoint = new NbiotEndpoint(config.build(), new Printer(out, err)).start()) {
      for (QueuedRelay relay : relays) {
        endpoint.enqueue(relay.imei(), RelayPayload.encode(relay.command()), relay.ttl(), UUID.randomUUID().toString());
      }
      err.println("listening on" + (udp == null ? "" : " udp:" + text(endpoint.udpAddress()))
          + (coap == null ? "" : " coap:" + text(endpoint.coapAddress())));
      err.flush();
      UntilStopped.await();
    }
    return 0;
  }

  private record QueuedRelay(Imei imei, RelayCommand command, Duration ttl) {}

  private static QueuedRelay relay(String spec) {
    String[] parts = spec.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new BadInputException("--command takes IMEI:RELAY[:TTL], not \"" + spec + "\"");
    }
    try {
      Duration ttl = parts.length == 3 ? new DurationConverter().convert(parts[2]) : Duration.ofHours(48);
      return new QueuedRelay(Imei.of(parts[0]), RelayCommand.valueOf(parts[1].toUpperCase(Locale.ROOT)), ttl);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--command \"" + spec + "\": " + e.getMessage());
    }
  }

  private static InetSocketAddress address(String option, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? NbiotEndpointConfig.DEFAULT_BIND_ADDRESS : hostPort.substring(0, colon);
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (host.isEmpty() || port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return InetSocketAddress.createUnresolved(host, port);
    } catch (NumberFormatException e) {
      throw new BadInputException(option + " takes [HOST:]PORT, not \"" + hostPort + "\"");
    }
  }

  private static String text(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }

  /** Readings and outcomes as JSON lines on stdout, bad payloads on stderr. */
  private record Printer(PrintWriter out, PrintWriter err) implements NbiotListener {
    @Override
    public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
      for (Reading r : uplink.readings()) {
        ObjectNode o = JsonOutput.object();
        o.put("meter", r.meterId());
        o.put("quantity", r.quantity().toString());
        if (r.hasValue()) {
          o.put("value", r.value());
        } else {
          o.putNull("value");
        }
        o.put("unit", r.unit().symbol());
        o.put("quality", r.quality().name());
        o.put("time", r.timestamp().toString());
        out.println(JsonOutput.line(o));
      }
      out.flush();
    }

    @Override
    public void onCommandOutcome(CommandOutcome outcome) {
      ObjectNode o = JsonOutput.object();
      o.put("meter", outcome.imei().digits());
      o.put("command", outcome.commandId());
      o.put("outcome", outcome.status().name());
      o.put("attempts", outcome.attempts());
      o.put("time", outcome.at().toString());
      out.println(JsonOutput.line(o));
      out.flush();
    }

    @Override
    public void onBadPayload(InetSocketAddress source, NbiotFormatException error) {
      err.println("emms: bad payload from " + text(source) + ": " + error.getMessage());
      err.flush();
    }
  }
}
