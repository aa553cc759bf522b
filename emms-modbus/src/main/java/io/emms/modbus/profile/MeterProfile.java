package io.emms.modbus.profile;

import io.emms.core.reading.Quantity;
import io.emms.modbus.client.ReadOptimizer;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A meter's register map: which registers hold which {@link Quantity}, and how the meter wants to be read.
 *
 * @param name the short lookup name, e.g. {@code sdm630}
 * @param model the maker and model the map describes
 * @param sources the public documents the register table was taken from, with notes where they disagree
 * @param optimizer how reads of this meter may be merged (some meters cap a read below 125 registers)
 * @param points the register points, at most one per quantity
 */
public record MeterProfile(
    String name, String model, List<String> sources, ReadOptimizer optimizer, List<RegisterPoint> points) {

  public MeterProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(optimizer, "optimizer");
    sources = List.copyOf(sources);
    points = List.copyOf(points);
    Map<Quantity, RegisterPoint> seen = new LinkedHashMap<>();
    for (RegisterPoint p : points) {
      if (seen.put(p.quantity(), p) != null) {
        throw new IllegalArgumentException(name + ": " + p.quantity() + " is mapped twice");
      }
    }
  }

  /**
   * Reads a profile in the EMMS profile format: {@code @key value} header lines ({@code name}, {@code model},
   * {@code source} (repeatable), {@code maxRegisters}, {@code maxGap}), {@code #} comments, and one CSV row per
   * point: {@code table,address,type,order,scale,measurand,phase,tariff,description}.
   *
   * @throws IllegalArgumentException naming the line of a malformed entry
   */
  public static MeterProfile parse(Reader reader) throws IOException {
    return ProfileParser.parse(reader);
  }

  /** The point that holds {@code quantity}, if the meter has one. */
  public Optional<RegisterPoint> point(Quantity quantity) {
    for (RegisterPoint p : points) {
      if (p.quantity().equals(quantity)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** All quantities the meter provides, in file order. */
  public List<Quantity> quantities() {
    return points.stream().map(RegisterPoint::quantity).toList();
  }
}
