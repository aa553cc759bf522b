package io.emms.bus.fleet;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.reading.Quantity;
import java.util.List;
import java.util.Optional;

/**
 * A meter protocol as fleets use it: it checks a {@link MeterEndpoint}'s address, profile and quantities, names
 * the quantities read when none are named, and opens a {@link MeterSession} on a {@link Line}. Protocol modules
 * provide their implementations through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.emms.bus.fleet.MeterProtocol}), so emms-bus knows no protocol.
 */
public interface MeterProtocol {

  /** The name used in meter specs and fleet files, such as {@code dlt645-2007} or {@code modbus}. */
  String name();

  /** What the address is, for messages and help, such as {@code 12 decimal digits}. */
  String addressForm();

  /** Why {@code address} is not an address of this protocol, or empty when it is one. */
  Optional<String> addressProblem(String address);

  /** Why this protocol cannot take {@code profile} (or needs one when it is empty), or empty when it can. */
  Optional<String> profileProblem(Optional<String> profile);

  /** Why a meter with {@code profile} cannot read {@code quantity}, or empty when it can. */
  Optional<String> quantityProblem(Optional<String> profile, Quantity quantity);

  /** What a meter with {@code profile} reads when its endpoint names no quantities. */
  List<Quantity> defaultQuantities(Optional<String> profile);

  /**
   * The line settings this protocol needs on {@code link}, given the settings chosen so far (Modbus RTU on a
   * serial line ends frames by silence, so it needs an idle gap). The default changes nothing.
   */
  default LineConfig lineSettings(ConfiguredLink link, LineConfig settings) {
    return settings;
  }

  /**
   * Whether this protocol can have several requests on the wire on {@code link} (Modbus with MBAP framing, which
   * carries transaction ids). A fleet line is pipelined by default when all its meters' protocols can.
   */
  default boolean pipelines(ConfiguredLink link) {
    return false;
  }

  /**
   * Opens this protocol's session on {@code line}: one per line, shared by all the line's meters of this
   * protocol. {@code link} tells the framing to use.
   */
  MeterSession open(Line line, ConfiguredLink link);
}
