package io.emms.transport.nbiot.fleet;

import io.emms.bus.Line;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocol;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.transport.nbiot.DeviceMessage;
import io.emms.transport.nbiot.Imei;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code nbiot:IMEI} meters on an {@code nbiot://} line. An NB-IoT meter is not asked: it sends when it wakes. A
 * poll therefore answers from the meter's latest uplink, each reading with the time the meter took it; a quantity
 * the meter has not sent yet is {@link Quality#NO_DATA}.
 */
public final class NbiotMeterProtocol implements MeterProtocol {

  private static final List<Quantity> DEFAULTS = List.of(
      Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.of(Measurand.VOLTAGE, Phase.A),
      Quantity.of(Measurand.CURRENT, Phase.A), Quantity.total(Measurand.ACTIVE_POWER));

  private final Clock clock;

  public NbiotMeterProtocol() {
    this(Clock.systemUTC());
  }

  NbiotMeterProtocol(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "nbiot";
  }

  @Override
  public String addressForm() {
    return "a 15-digit IMEI";
  }

  @Override
  public Optional<String> addressProblem(String address) {
    try {
      Imei.of(address);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public Optional<String> profileProblem(Optional<String> profile) {
    return profile.map(p -> "an NB-IoT meter has no profile (its uplinks say what it measures), not \"" + p + "\"");
  }

  @Override
  public Optional<String> quantityProblem(Optional<String> profile, Quantity quantity) {
    return Optional.empty();
  }

  @Override
  public List<Quantity> defaultQuantities(Optional<String> profile) {
    return DEFAULTS;
  }

  /** @throws IllegalArgumentException unless the line is an {@code nbiot://} one */
  @Override
  public MeterSession open(Line line, ConfiguredLink link) {
    if (!(link.link() instanceof NbiotUplinkLink uplinks)) {
      throw new IllegalArgumentException("nbiot meters need an nbiot:// line, not " + link.uri());
    }
    return new MeterSession() {
      @Override
      public CompletableFuture<List<Reading>> read(MeterEndpoint meter, List<Quantity> quantities) {
        Optional<DeviceMessage.Uplink> uplink = uplinks.latest(Imei.of(meter.address()));
        return CompletableFuture.completedFuture(
            quantities.stream().map(q -> reading(meter.address(), q, uplink)).toList());
      }

      @Override
      public String lineMeterId(MeterEndpoint meter) {
        return meter.address();
      }

      @Override
      public void close() {}
    };
  }

  private Reading reading(String imei, Quantity quantity, Optional<DeviceMessage.Uplink> uplink) {
    return uplink.flatMap(u -> u.readings().stream().filter(r -> r.quantity().equals(quantity)).findFirst())
        .orElseGet(() -> Reading.missing(imei, quantity, clock.instant(), Quality.NO_DATA));
  }
}
