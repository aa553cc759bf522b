package io.emms.dlt645.fleet;

import io.emms.bus.Line;
import io.emms.bus.RetryPolicy;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.MeterProtocol;
import io.emms.bus.fleet.MeterSession;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645Catalogue;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * DL/T 645 for fleets: specs {@code dlt645-2007:ADDRESS} and {@code dlt645-1997:ADDRESS}, where ADDRESS is the
 * meter's 12 digits. A meter reads the quantities its edition's catalogue has a readable data item for; by
 * default forward and reverse active energy, voltage and current of phase A and total active power (those of them
 * the edition has). The two editions are the providers {@link Edition2007} and {@link Edition1997}.
 */
public abstract sealed class Dlt645MeterProtocol implements MeterProtocol
    permits Dlt645MeterProtocol.Edition2007, Dlt645MeterProtocol.Edition1997 {

  private static final List<Quantity> PREFERRED_DEFAULTS = List.of(
      Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT), Quantity.total(Measurand.ACTIVE_ENERGY_EXPORT),
      Quantity.of(Measurand.VOLTAGE, Phase.A), Quantity.of(Measurand.CURRENT, Phase.A),
      Quantity.total(Measurand.ACTIVE_POWER));

  private final Dlt645Edition edition;
  private final Set<Quantity> readable;
  private final List<Quantity> defaults;

  private Dlt645MeterProtocol(Dlt645Edition edition) {
    this.edition = edition;
    this.readable = Dlt645Catalogue.of(edition).items().stream()
        .filter(item -> item.access().readable())
        .map(DataItem::quantity)
        .flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
    this.defaults = PREFERRED_DEFAULTS.stream().filter(readable::contains).toList();
  }

  /** {@code dlt645-2007}. */
  public static final class Edition2007 extends Dlt645MeterProtocol {
    public Edition2007() {
      super(Dlt645Edition.V2007);
    }
  }

  /** {@code dlt645-1997}. */
  public static final class Edition1997 extends Dlt645MeterProtocol {
    public Edition1997() {
      super(Dlt645Edition.V1997);
    }
  }

  @Override
  public String name() {
    return edition == Dlt645Edition.V2007 ? "dlt645-2007" : "dlt645-1997";
  }

  @Override
  public String addressForm() {
    return "12 decimal digits, such as 000102030425";
  }

  @Override
  public Optional<String> addressProblem(String address) {
    if (!address.matches("\\d{12}")) {
      return Optional.of("a DL/T 645 address is 12 decimal digits, not \"" + address + "\"");
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> profileProblem(Optional<String> profile) {
    return profile.map(p -> "DL/T 645 meters take no profile (\"" + p + "\"); their catalogue names every quantity");
  }

  @Override
  public Optional<String> quantityProblem(Optional<String> profile, Quantity quantity) {
    return readable.contains(quantity)
        ? Optional.empty()
        : Optional.of(name() + " has no readable data item for " + quantity);
  }

  @Override
  public List<Quantity> defaultQuantities(Optional<String> profile) {
    return defaults;
  }

  @Override
  public MeterSession open(Line line, ConfiguredLink link) {
    RetryPolicy retry = line.config().retryPolicy();
    Dlt645Client client = Dlt645Client.create(line, Dlt645ClientConfig.builder()
        .defaultEdition(edition)
        .responseTimeout(line.config().responseTimeout())
        .retry(new Dlt645RetryPolicy(retry.retries(), retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(),
            retry.retryWrites()))
        .build());
    return new MeterSession() {
      @Override
      public CompletableFuture<List<Reading>> read(MeterEndpoint meter, List<Quantity> quantities) {
        return client.read(meter.address(), quantities);
      }

      @Override
      public String lineMeterId(MeterEndpoint meter) {
        return Dlt645Address.of(meter.address()).toString();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
