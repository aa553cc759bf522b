package io.emms.dlt645.client;

import io.emms.core.link.Link;
import io.emms.core.link.PipeLink;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.dlt645.simulator.SimulationClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A client and a simulator joined by a pipe, sharing one manual clock. Close it after each test. */
final class SimulatedBus implements AutoCloseable {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  final SimulationClock clock = new SimulationClock(START);
  final PipeLink[] pipe = PipeLink.pair("bus");
  final List<SimulatedMeter> meters = new ArrayList<>();
  Dlt645Simulator simulator;
  Dlt645Client client;

  /** A meter configuration on this bus's clock and zone. */
  SimulatedMeterConfig.Builder meter(io.emms.dlt645.codec.Dlt645Address address) {
    return SimulatedMeterConfig.builder(address).clock(clock).zone(ZONE);
  }

  SimulatedMeter add(SimulatedMeterConfig config) {
    SimulatedMeter meter = new SimulatedMeter(config);
    meters.add(meter);
    return meter;
  }

  /** Starts the simulator on {@code meterEnd(pipe[1])} and a client on pipe[0]. */
  SimulatedBus start(UnaryOperator<Dlt645ClientConfig.Builder> clientConfig, UnaryOperator<Link> meterEnd) {
    simulator = Dlt645Simulator.attach(meterEnd.apply(pipe[1]), meters.toArray(SimulatedMeter[]::new));
    simulator.start().join();
    Dlt645ClientConfig.Builder config = Dlt645ClientConfig.builder()
        // Generous: the build machine may be busy, and only tests of absent meters wait it out.
        .responseTimeout(Duration.ofSeconds(1))
        .retry(new Dlt645RetryPolicy(1, Duration.ofMillis(20), 2.0, Duration.ofMillis(100), false))
        .clock(clock)
        .zone(ZONE);
    client = Dlt645Client.create(pipe[0], clientConfig.apply(config).build());
    client.connect().join();
    return this;
  }

  SimulatedBus start() {
    return start(c -> c, l -> l);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    pipe[0].close();
    pipe[1].close();
    if (simulator != null) {
      simulator.close();
    }
  }
}
