package io.emms.examples;

import io.emms.core.link.PipeLink;
import io.emms.core.reading.Reading;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfile;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ModbusMeterReader;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.modbus.server.ModbusServer;
import java.util.List;

/**
 * Reads every quantity of an Eastron SDM630 register map from a simulated SDM630 over Modbus RTU framing, as core
 * {@link Reading}s. On a real bus, the client's link is a {@code SerialLink} (RTU) or a {@code TcpClientLink} (TCP).
 */
public final class ReadProfiledModbusMeter {

  private ReadProfiledModbusMeter() {}

  public static List<Reading> run() {
    PipeLink[] bus = PipeLink.pair("rs485");
    MeterProfile sdm630 = MeterProfiles.get("sdm630");
    try (ProfiledMeterSimulator meter = new ProfiledMeterSimulator(sdm630, 42);
        ModbusServer server = ModbusServer.create(ModbusMode.RTU, 1, meter.service());
        ModbusClient client = ModbusClient.create(bus[0], ModbusClientConfig.of(ModbusMode.RTU))) {
      server.attach(bus[1]);
      bus[1].open().join();
      client.connect().join();
      return new ModbusMeterReader(client, sdm630).readAll("1").join();
    } finally {
      bus[0].close();
      bus[1].close();
    }
  }

  public static void main(String[] args) {
    run().forEach(r -> System.out.printf("%-28s %14s %s %s%n", r.quantity(), r.value(), r.unit().symbol(), r.quality()));
  }
}
