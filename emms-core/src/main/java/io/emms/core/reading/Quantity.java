package io.emms.core.reading;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A measurand at a phase and tariff: "forward active energy, total, tariff 2" or "voltage, phase B".
 *
 * @param measurand what is measured
 * @param phase where it is measured
 * @param tariff 0 for the total over all tariffs, 1..63 for a time-of-use tariff register
 */
public record Quantity(Measurand measurand, Phase phase, int tariff) {

  public Quantity {
    Objects.requireNonNull(measurand, "measurand");
    Objects.requireNonNull(phase, "phase");
    if (tariff < 0 || tariff > 63) {
      throw new IllegalArgumentException("tariff must be 0..63, got " + tariff);
    }
  }

  /** The total (all phases, all tariffs) of a measurand. */
  public static Quantity total(Measurand measurand) {
    return new Quantity(measurand, Phase.TOTAL, 0);
  }

  /** A per-phase quantity, such as the voltage of phase A. */
  public static Quantity of(Measurand measurand, Phase phase) {
    return new Quantity(measurand, phase, 0);
  }

  /** A tariff register of a meter-level energy or demand. */
  public static Quantity tariff(Measurand measurand, int tariff) {
    return new Quantity(measurand, Phase.TOTAL, tariff);
  }

  /**
   * The quantity written as {@link #toString()} writes it: {@code ACTIVE_ENERGY_IMPORT}, {@code VOLTAGE.A},
   * {@code ACTIVE_ENERGY_IMPORT.T2}; case-insensitive.
   *
   * @throws IllegalArgumentException naming the part that is not a measurand, a phase or a tariff
   */
  public static Quantity parse(String text) {
    String[] parts = text.strip().toUpperCase(Locale.ROOT).split("\\.", -1);
    Measurand measurand = parseEnum(Measurand.class, parts[0], text, "measurand");
    Phase phase = Phase.TOTAL;
    int tariff = 0;
    int next = 1;
    if (next < parts.length && !parts[next].matches("T\\d+")) {
      phase = parseEnum(Phase.class, parts[next++], text, "phase");
    }
    if (next < parts.length) {
      if (!parts[next].matches("T\\d{1,2}") || next + 1 < parts.length) {
        throw new IllegalArgumentException("\"" + text + "\" is not a quantity: \"" + parts[next]
            + "\" is not a tariff (T1..T63); write MEASURAND[.PHASE][.Tn], such as VOLTAGE.A");
      }
      tariff = Integer.parseInt(parts[next].substring(1));
    }
    return new Quantity(measurand, phase, tariff);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String text, String what) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a quantity: \"" + name + "\" is not a " + what
          + " (" + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }

  public Unit unit() {
    return measurand.unit();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(measurand.name());
    if (phase != Phase.TOTAL) {
      s.append('.').append(phase);
    }
    if (tariff != 0) {
      s.append(".T").append(tariff);
    }
    return s.toString();
  }
}
