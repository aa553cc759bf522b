package io.emms.bus.fleet;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A protocol for emms-bus tests, which cannot depend on the real ones (they depend on emms-bus). Addresses are 1 to
 * 3 digits; profile "p1" or none; it reads energy and voltages. Its meters answer at once without touching the
 * line: address 404 times out, address 500 answers every quantity with an ERROR reading, and the value of a reading
 * is the address.
 */
public final class FakeProtocol implements MeterProtocol {

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String addressForm() {
    return "1 to 3 digits";
  }

  @Override
  public Optional<String> addressProblem(String address) {
    return address.matches("\\d{1,3}") ? Optional.empty() : Optional.of("must be 1 to 3 digits, not \"" + address + "\"");
  }

  @Override
  public Optional<String> profileProblem(Optional<String> profile) {
    return profile.filter(p -> !p.equals("p1")).map(p -> "no profile \"" + p + "\"; known: p1");
  }

  @Override
  public Optional<String> quantityProblem(Optional<String> profile, Quantity quantity) {
    boolean readable = quantity.measurand() == Measurand.VOLTAGE || quantity.measurand() == Measurand.ACTIVE_ENERGY_IMPORT;
    return readable ? Optional.empty() : Optional.of("cannot read " + quantity);
  }

  @Override
  public List<Quantity> defaultQuantities(Optional<String> profile) {
    return List.of(Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT));
  }

  @Override
  public boolean pipelines(ConfiguredLink link) {
    return link.framing() == Framing.MBAP;
  }

  @Override
  public LineConfig lineSettings(ConfiguredLink link, LineConfig settings) {
    return link.framing() == Framing.RTU ? settings.toBuilder().idleGap(Duration.ofMillis(5)).build() : settings;
  }

  @Override
  public MeterSession open(Line line, ConfiguredLink link) {
    return new MeterSession() {
      @Override
      public CompletableFuture<List<Reading>> read(MeterEndpoint meter, List<Quantity> quantities) {
        if (meter.address().equals("404")) {
          return CompletableFuture.failedFuture(new MeterTimeoutException(meter.address(), "no answer"));
        }
        Instant now = Instant.now();
        return CompletableFuture.completedFuture(quantities.stream()
            .map(q -> meter.address().equals("500")
                ? Reading.missing(meter.address(), q, now, Quality.ERROR)
                : Reading.valid(meter.address(), q, new BigDecimal(meter.address()), now))
            .toList());
      }

      @Override
      public String lineMeterId(MeterEndpoint meter) {
        return "fake:" + meter.address();
      }

      @Override
      public void close() {}
    };
  }
}
