package io.emms.modbus.fleet;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocol;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ModbusMeterReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modbus for fleets: spec {@code modbus:UNIT:PROFILE}, such as {@code modbus:17:sdm630}, where UNIT is the unit id
 * (1 to 247) and PROFILE a built-in register-map profile ({@link MeterProfiles#names()}). A meter reads the
 * quantities its profile maps, all of them by default. The link's framing picks the mode: {@code rtu} (RTU, with
 * the RTU idle gap on a serial port), {@code ascii}, {@code mbap} (TCP, or UDP on a message link), which pipelines.
 */
public final class ModbusMeterProtocol implements MeterProtocol {

  /** The silence that ends an RTU frame on a serial line, and the gap kept before each request there. */
  private static final Duration RTU_GAP = Duration.ofMillis(20);

  @Override
  public String name() {
    return "modbus";
  }

  @Override
  public String addressForm() {
    return "a unit id from 1 to 247";
  }

  @Override
  public Optional<String> addressProblem(String address) {
    try {
      int unit = Integer.parseInt(address);
      if (unit >= 1 && unit <= 247) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    return Optional.of("a Modbus unit id is a number from 1 to 247, not \"" + address + "\"");
  }

  @Override
  public Optional<String> profileProblem(Optional<String> profile) {
    if (profile.isEmpty()) {
      return Optional.of("a Modbus meter needs a profile; profiles are " + String.join(", ", MeterProfiles.names()));
    }
    return MeterProfiles.find(profile.get()).isPresent()
        ? Optional.empty()
        : Optional.of("no profile \"" + profile.get() + "\"; profiles are " + String.join(", ", MeterProfiles.names()));
  }

  @Override
  public Optional<String> quantityProblem(Optional<String> profile, Quantity quantity) {
    return MeterProfiles.get(profile.orElseThrow()).point(quantity).isPresent()
        ? Optional.empty()
        : Optional.of("profile " + profile.get() + " maps no register for " + quantity);
  }

  @Override
  public List<Quantity> defaultQuantities(Optional<String> profile) {
    return MeterProfiles.get(profile.orElseThrow()).quantities();
  }

  @Override
  public boolean pipelines(ConfiguredLink link) {
    return link.framing() == Framing.MBAP;
  }

  @Override
  public LineConfig lineSettings(ConfiguredLink link, LineConfig settings) {
    if (link.framing() != Framing.RTU || !link.uri().scheme().equals("serial")) {
      return settings;
    }
    return settings.toBuilder()
        .idleGap(max(settings.idleGap(), RTU_GAP))
        .quietGap(max(settings.quietGap(), RTU_GAP))
        .build();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public MeterSession open(Line line, ConfiguredLink link) {
    LineConfig lineConfig = line.config();
    ModbusClient client = ModbusClient.create(line, ModbusClientConfig.builder()
        .mode(mode(link))
        .timeout(lineConfig.responseTimeout())
        .retries(lineConfig.retryPolicy().retries())
        .retryBackoff(lineConfig.retryPolicy().initialBackoff())
        .maxInFlight(lineConfig.maxInFlight())
        .build());
    Map<String, ModbusMeterReader> readers = new ConcurrentHashMap<>();
    return new MeterSession() {
      @Override
      public CompletableFuture<List<Reading>> read(MeterEndpoint meter, List<Quantity> quantities) {
        ModbusMeterReader reader = readers.computeIfAbsent(meter.profile().orElseThrow(),
            profile -> new ModbusMeterReader(client, MeterProfiles.get(profile)));
        return reader.read(meter.address(), quantities);
      }

      @Override
      public String lineMeterId(MeterEndpoint meter) {
        return "modbus:" + Integer.parseInt(meter.address());
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static ModbusMode mode(ConfiguredLink link) {
    return switch (link.framing()) {
      case RTU -> link.uri().scheme().equals("serial") ? ModbusMode.RTU : ModbusMode.RTU_OVER_TCP;
      case ASCII -> ModbusMode.ASCII;
      case MBAP -> link.messageOriented() ? ModbusMode.UDP : ModbusMode.TCP;
    };
  }
}
