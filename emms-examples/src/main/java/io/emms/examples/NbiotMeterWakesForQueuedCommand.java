package io.emms.examples;

import io.emms.core.link.PipeLink;
import io.emms.core.meter.RelayCommand;
import io.emms.transport.nbiot.CommandOutcome;
import io.emms.transport.nbiot.CommandTicket;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import io.emms.transport.nbiot.NbiotEndpoint;
import io.emms.transport.nbiot.NbiotEndpointConfig;
import io.emms.transport.nbiot.NbiotListener;
import io.emms.transport.nbiot.RelayPayload;
import io.emms.transport.nbiot.SimulatedNbiotMeter;
import io.emms.transport.nbiot.modem.Bc95Config;
import io.emms.transport.nbiot.modem.Bc95Emulator;
import io.emms.transport.nbiot.modem.Bc95Link;
import io.emms.transport.nbiot.modem.PsmTimers;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An NB-IoT meter that sleeps in PSM between uplinks and is sent a relay command while it sleeps. The server side
 * is an {@link NbiotEndpoint} on loopback UDP; the meter talks AT commands to an emulated BC95 modem over an
 * in-memory serial line (swap the {@code PipeLink} pair for {@code Bc95Link.overSerial("/dev/ttyUSB0", ...)} to
 * drive a real modem). The command waits in the endpoint's queue and goes out right after the meter's next
 * uplink, to the address that uplink came from.
 */
public final class NbiotMeterWakesForQueuedCommand {

  private static final Imei IMEI = Imei.of("864215040000041");

  private NbiotMeterWakesForQueuedCommand() {}

  public static CommandOutcome run(PrintStream out) throws Exception {
    CountDownLatch firstUplink = new CountDownLatch(1);
    NbiotListener printer = new NbiotListener() {
      @Override
      public void onUplink(DeviceMessage.Uplink uplink, InetSocketAddress source) {
        uplink.readings().forEach(r -> out.printf("uplink from %s via %s: %s = %s %s%n",
            uplink.imei(), source, r.quantity(), r.value(), r.unit().symbol()));
        firstUplink.countDown();
      }
    };
    PipeLink[] uart = PipeLink.pair("uart");
    try (NbiotEndpoint endpoint =
            new NbiotEndpoint(NbiotEndpointConfig.builder().udp("127.0.0.1", 0).build(), printer).start();
        Bc95Emulator modem = new Bc95Emulator(uart[1], true).start()) {
      Bc95Link nbiot = new Bc95Link(uart[0], Bc95Config.of("127.0.0.1", endpoint.udpAddress().getPort())
          .withPsm(new PsmTimers(Duration.ofHours(1), Duration.ofSeconds(20))));
      SimulatedNbiotMeter meter = new SimulatedNbiotMeter(IMEI, nbiot, Clock.systemUTC());
      meter.start().get(10, TimeUnit.SECONDS);

      meter.sendReadings().get(10, TimeUnit.SECONDS);
      firstUplink.await(10, TimeUnit.SECONDS);
      modem.sleep();
      CommandTicket trip = endpoint.enqueue(IMEI, RelayPayload.encode(RelayCommand.TRIP));
      out.printf("meter asleep; queued TRIP as command %d%n", trip.commandId());

      meter.sendReadings().get(10, TimeUnit.SECONDS); // the meter wakes to send, and is reachable again
      CommandOutcome outcome = trip.outcome().get(10, TimeUnit.SECONDS);
      out.printf("command %d %s after %d attempt(s); meter tripped: %s%n",
          outcome.commandId(), outcome.status(), outcome.attempts(), meter.tripped());
      nbiot.close();
      return outcome;
    }
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }
}
