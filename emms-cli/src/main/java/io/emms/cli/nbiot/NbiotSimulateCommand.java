package io.emms.cli.nbiot;

import io.emms.cli.command.BadInputException;
import io.emms.core.link.Link;
import io.emms.transport.nbiot.CoapUplinkLink;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.SimulatedNbiotMeter;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code emms simulate nbiot}: an NB-IoT meter sending uplinks and carrying out relay commands. */
@Command(
    name = "nbiot",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates an NB-IoT meter: sends its readings (docs/nbiot.md) to a server over UDP or CoAP every period,",
      "carries out the relay commands that come back and acknowledges them. Runs until stopped, or --count uplinks",
      "(then stays one more period for commands)."
    })
public final class NbiotSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--server", required = true, paramLabel = "udp://HOST:PORT|coap://HOST:PORT",
      description = "where to send uplinks")
  String server;

  @Option(names = "--imei", required = true, description = "the meter's 15-digit IMEI")
  String imei;

  @Option(names = "--every", defaultValue = "30s", converter = DurationConverter.class,
      description = "time between uplinks (default ${DEFAULT-VALUE})")
  Duration every;

  @Option(names = "--count", description = "stop after this many uplinks")
  Integer count;

  @Override
  public Integer call() throws Exception {
    Imei meterImei;
    try {
      meterImei = Imei.of(imei);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (count != null && count < 1) {
      throw new BadInputException("--count must be at least 1, not " + count);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Link link = link(meterImei)) {
      SimulatedNbiotMeter meter = new SimulatedNbiotMeter(meterImei, link, Clock.systemUTC());
      meter.start().get(10, TimeUnit.SECONDS);
      out.printf("simulating NB-IoT meter %s, uplinks to %s every %s%n", meterImei, server, every);
      out.flush();
      int relays = 0;
      for (int sent = 0; count == null || sent < count; sent++) {
        meter.sendReadings().get(30, TimeUnit.SECONDS);
        relays = report(meter, relays, out);
        if (!pause()) {
          break;
        }
      }
      report(meter, relays, out);
    }
    return 0;
  }

  /** Prints the relay commands carried out since the last call; returns how many there are now. */
  private static int report(SimulatedNbiotMeter meter, int reported, PrintWriter out) {
    var log = meter.relayLog();
    for (int i = reported; i < log.size(); i++) {
      out.printf("relay %s carried out%n", log.get(i));
    }
    out.flush();
    return log.size();
  }

  /** Waits one period; false when interrupted (stopped by an embedding program). */
  private boolean pause() {
    try {
      Thread.sleep(every.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Link link(Imei meterImei) {
    URI uri;
    try {
      uri = URI.create(server);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--server \"" + server + "\" is not a URI");
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw new BadInputException("--server takes udp://HOST:PORT or coap://HOST:PORT, not \"" + server + "\"");
    }
    return switch (uri.getScheme() == null ? "" : uri.getScheme()) {
      case "udp" -> new UdpLink(UdpConfig.builder(uri.getHost(), uri.getPort()).build());
      case "coap" -> new CoapUplinkLink(new InetSocketAddress(uri.getHost(), uri.getPort()), meterImei);
      default -> throw new BadInputException("--server takes udp:// or coap://, not \"" + server + "\"");
    };
  }
}
