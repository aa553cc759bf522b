package io.emms.bus.fleet;

import io.emms.core.reading.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One meter of a fleet: how to reach it on its line and what to read how often.
 *
 * <p>Its protocol part is written as a <em>meter spec</em>, {@code PROTOCOL:ADDRESS[:PROFILE]}:
 * {@code dlt645-2007:000102030425}, {@code dlt645-1997:000000001997}, {@code modbus:17:sdm630}. This class is the
 * one place that reads that grammar ({@link #parse}); the protocol named checks the address and profile (see
 * {@link MeterProtocol}). Construction checks everything, so an endpoint that exists is valid.
 *
 * @param id the name the meter's readings carry ({@code meter} in {@code emms poll} output); unique in a fleet
 * @param protocol a {@link MeterProtocol#name()}
 * @param address the protocol's address: 12 digits for DL/T 645, the unit id for Modbus
 * @param profile the register-map profile (Modbus), or empty
 * @param quantities what to read; empty for the protocol's defaults ({@link #quantitiesToRead()})
 * @param pollInterval how often to read
 */
public record MeterEndpoint(
    String id, String protocol, String address, Optional<String> profile, List<Quantity> quantities,
    Duration pollInterval) {

  /** A problem with one field of an endpoint: {@code field} is {@code id}, {@code protocol}, {@code address}, ... */
  public record Problem(String field, String message) {}

  public MeterEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(pollInterval, "pollInterval");
    quantities = List.copyOf(quantities);
    List<Problem> problems = problems(id, protocol, address, profile, quantities, pollInterval);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("meter " + id + ": " + String.join("; ",
          problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    }
  }

  /**
   * A meter from its spec, {@code PROTOCOL:ADDRESS[:PROFILE]}, with the spec as its id.
   *
   * @throws IllegalArgumentException saying every part that is wrong
   */
  public static MeterEndpoint parse(String spec, List<Quantity> quantities, Duration pollInterval) {
    return parse(spec, spec.strip(), quantities, pollInterval);
  }

  /** A meter from its spec, named {@code id}; see {@link #parse(String, List, Duration)}. */
  public static MeterEndpoint parse(String spec, String id, List<Quantity> quantities, Duration pollInterval) {
    String[] parts = spec.strip().split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("\"" + spec + "\" is not a meter spec; write PROTOCOL:ADDRESS[:PROFILE], "
          + "such as dlt645-2007:000102030425 or modbus:17:sdm630");
    }
    Optional<String> profile = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
    return new MeterEndpoint(id, parts[0], parts[1], profile, quantities, pollInterval);
  }

  /**
   * Every problem of these fields, checked by the protocol named; empty when they make a valid endpoint. Fleet
   * files use it to report every problem at once, each at its line.
   */
  public static List<Problem> problems(
      String id, String protocol, String address, Optional<String> profile, List<Quantity> quantities,
      Duration pollInterval) {
    List<Problem> problems = new ArrayList<>();
    if (id.isBlank()) {
      problems.add(new Problem("id", "must not be blank"));
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      problems.add(new Problem("interval", "must be positive, not " + pollInterval));
    }
    Optional<MeterProtocol> found = MeterProtocols.find(protocol);
    if (found.isEmpty()) {
      problems.add(new Problem("protocol", MeterProtocols.unknown(protocol)));
      return problems;
    }
    MeterProtocol p = found.get();
    p.addressProblem(address).ifPresent(m -> problems.add(new Problem("address", m)));
    p.profileProblem(profile).ifPresent(m -> problems.add(new Problem("profile", m)));
    if (p.profileProblem(profile).isEmpty()) {
      for (Quantity q : quantities) {
        p.quantityProblem(profile, q).ifPresent(m -> problems.add(new Problem("quantities", m)));
      }
    }
    return problems;
  }

  /** The spec of this meter: {@code PROTOCOL:ADDRESS[:PROFILE]}. */
  public String spec() {
    return protocol + ":" + address + profile.map(p -> ":" + p).orElse("");
  }

  /** The protocol, found on the class path. */
  public MeterProtocol meterProtocol() {
    return MeterProtocols.find(protocol).orElseThrow();
  }

  /** The quantities named, or the protocol's defaults when none are. */
  public List<Quantity> quantitiesToRead() {
    return quantities.isEmpty() ? meterProtocol().defaultQuantities(profile) : quantities;
  }
}
