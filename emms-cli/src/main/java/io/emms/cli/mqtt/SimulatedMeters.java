package io.emms.cli.mqtt;

import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocols;
import io.emms.cli.command.BadInputException;
import io.emms.core.link.PipeLink;
import io.emms.core.meter.MeterReader;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.Dlt645Simulator;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ModbusMeterReader;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.modbus.server.ModbusServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters of {@code emms simulate mqtt}: each spec becomes a simulator (DL/T 645 {@link SimulatedMeter} or a
 * Modbus {@link ProfiledMeterSimulator}) on an in-memory link, read by the real protocol client as a gateway
 * would read it on its RS-485 port. Specs are parsed by {@link MeterEndpoint}, as in {@code emms poll}.
 */
final class SimulatedMeters implements AutoCloseable {

  /** One simulated meter and the reader that polls it. */
  record Meter(MeterEndpoint endpoint, MeterReader reader, List<Quantity> quantities) {

    /** Reads the meter; readings carry the spec as their meter id, as {@code emms poll} prints it. */
    List<Reading> read() {
      String address = endpoint.address();
      return reader.read(address, quantities).join().stream()
          .map(r -> new Reading(endpoint.id(), r.quantity(), r.value(), r.timestamp(), r.quality()))
          .toList();
    }
  }

  private final List<Meter> meters = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();

  SimulatedMeters(List<String> specs, Duration every) {
    for (String spec : specs) {
      MeterEndpoint endpoint;
      try {
        endpoint = MeterEndpoint.parse(spec, List.of(), every);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--meter: " + e.getMessage());
      }
      List<Quantity> quantities = MeterProtocols.find(endpoint.protocol()).orElseThrow()
          .defaultQuantities(endpoint.profile());
      MeterReader reader = endpoint.protocol().startsWith("dlt645") ? dlt645(endpoint) : modbus(endpoint);
      meters.add(new Meter(endpoint, reader, quantities));
    }
  }

  List<Meter> meters() {
    return meters;
  }

  private MeterReader dlt645(MeterEndpoint endpoint) {
    Dlt645Edition edition = endpoint.protocol().endsWith("1997") ? Dlt645Edition.V1997 : Dlt645Edition.V2007;
    PipeLink[] bus = pipe(endpoint);
    SimulatedMeter meter = new SimulatedMeter(SimulatedMeterConfig.builder(Dlt645Address.of(endpoint.address()))
        .edition(edition).initialEnergyKwh(1000).build());
    Dlt645Simulator simulator = Dlt645Simulator.attach(bus[1], meter);
    resources.add(simulator);
    simulator.start().join();
    Dlt645Client client = Dlt645Client.create(bus[0], Dlt645ClientConfig.builder().defaultEdition(edition).build());
    resources.add(client);
    client.connect().join();
    return client;
  }

  private MeterReader modbus(MeterEndpoint endpoint) {
    PipeLink[] bus = pipe(endpoint);
    ProfiledMeterSimulator meter = new ProfiledMeterSimulator(MeterProfiles.get(endpoint.profile().orElseThrow()), 42)
        .start(Duration.ofSeconds(1));
    resources.add(meter);
    ModbusServer server = ModbusServer.create(ModbusMode.RTU, Integer.parseInt(endpoint.address()), meter.service());
    resources.add(server);
    server.attach(bus[1]);
    bus[1].open().join();
    ModbusClient client = ModbusClient.create(bus[0], ModbusClientConfig.of(ModbusMode.RTU));
    resources.add(client);
    client.connect().join();
    return new ModbusMeterReader(client, meter.profile());
  }

  private PipeLink[] pipe(MeterEndpoint endpoint) {
    PipeLink[] bus = PipeLink.pair(endpoint.id());
    resources.add(bus[0]);
    resources.add(bus[1]);
    return bus;
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }
}
