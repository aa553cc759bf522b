package io.emms.dlt645.catalogue;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One 2007 load-profile record (DI {@code 06xxxxxx}): {@code A0 A0 | n | YYMMDDhhmm | class 1 | AA | … | class 6 |
 * AA | CS | E5}. A class the meter does not record contributes only its {@code AA}. {@code n} counts the bytes
 * from the time through the last {@code AA}; CS is their sum from the first {@code A0} through the last
 * {@code AA}, mod 256. A record starting {@code E0 E0} is one the meter itself marks as incorrect.
 *
 * @param time the meter-local time the record was stored
 * @param classes the classes present in the record
 * @param values the values of the present classes' fields; a field the meter filled with {@code FF} or invalid
 *     BCD has no entry
 * @param markedIncorrect whether the meter marked the record incorrect ({@code E0 E0})
 * @param checksumValid whether n and CS matched when decoded (always true for records built in code)
 */
public record LoadRecord(
    LocalDateTime time, Set<LoadClass> classes, Map<LoadField, BigDecimal> values, boolean markedIncorrect,
    boolean checksumValid) implements Dlt645Value {

  /** Checks the components (see the class description for their meaning). */
  public LoadRecord {
    Objects.requireNonNull(time, "time");
    classes = classes.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(LoadClass.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(classes));
    values = values.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(values));
    for (LoadField field : values.keySet()) {
      if (!classes.contains(field.loadClass())) {
        throw new IllegalArgumentException(field + " belongs to " + field.loadClass() + ", which is not present");
      }
    }
  }

  /** A correct record with these classes and values (e.g. for a simulator). */
  public static LoadRecord of(LocalDateTime time, Set<LoadClass> classes, Map<LoadField, BigDecimal> values) {
    return new LoadRecord(time, classes, values, false, true);
  }

  public Optional<BigDecimal> value(LoadField field) {
    return Optional.ofNullable(values.get(field));
  }

  public boolean has(LoadClass loadClass) {
    return classes.contains(loadClass);
  }

  /**
   * Readings of the fields that map to a core quantity, stamped with the record time in the meter's zone. Fields
   * of present classes without a value become {@code NO_DATA} readings.
   */
  public List<Reading> toReadings(String meterId, ZoneId meterZone) {
    Instant at = time.atZone(meterZone).toInstant();
    List<Reading> readings = new ArrayList<>();
    for (LoadField field : LoadField.values()) {
      if (has(field.loadClass()) && field.quantity().isPresent()) {
        Quantity quantity = field.quantity().get();
        BigDecimal value = values.get(field);
        readings.add(value == null
            ? Reading.missing(meterId, quantity, at, Quality.NO_DATA)
            : Reading.valid(meterId, quantity, value, at));
      }
    }
    return readings;
  }

  /** The six classes of a load record, in wire order. */
  public enum LoadClass {
    /** Voltages, currents, frequency: 17 bytes. */
    VOLTAGE_CURRENT_FREQUENCY,
    /** Active and reactive power, total and per phase: 24 bytes. */
    POWER,
    /** Power factor, total and per phase: 8 bytes. */
    POWER_FACTOR,
    /** Forward/reverse active and combined reactive 1/2 energy totals: 16 bytes. */
    ENERGY,
    /** Reactive energy totals of quadrants I..IV: 16 bytes. */
    QUADRANT_REACTIVE,
    /** Current active and reactive demand: 6 bytes. */
    DEMAND;

    /** The fields of this class in wire order. */
    public List<LoadField> fields() {
      return LoadField.BY_CLASS.get(this);
    }

    /** Bytes of the class, without its separator. */
    public int length() {
      return LoadField.LENGTHS.get(this);
    }
  }

  /** The fields of a load record in wire order, with format, sign and core quantity. */
  public enum LoadField {
    VOLTAGE_A(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 4, 1, false, Measurand.VOLTAGE, Phase.A),
    VOLTAGE_B(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 4, 1, false, Measurand.VOLTAGE, Phase.B),
    VOLTAGE_C(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 4, 1, false, Measurand.VOLTAGE, Phase.C),
    CURRENT_A(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 6, 3, true, Measurand.CURRENT, Phase.A),
    CURRENT_B(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 6, 3, true, Measurand.CURRENT, Phase.B),
    CURRENT_C(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 6, 3, true, Measurand.CURRENT, Phase.C),
    FREQUENCY(LoadClass.VOLTAGE_CURRENT_FREQUENCY, 4, 2, false, Measurand.FREQUENCY, Phase.TOTAL),
    ACTIVE_POWER(LoadClass.POWER, 6, 4, true, Measurand.ACTIVE_POWER, Phase.TOTAL),
    ACTIVE_POWER_A(LoadClass.POWER, 6, 4, true, Measurand.ACTIVE_POWER, Phase.A),
    ACTIVE_POWER_B(LoadClass.POWER, 6, 4, true, Measurand.ACTIVE_POWER, Phase.B),
    ACTIVE_POWER_C(LoadClass.POWER, 6, 4, true, Measurand.ACTIVE_POWER, Phase.C),
    REACTIVE_POWER(LoadClass.POWER, 6, 4, true, Measurand.REACTIVE_POWER, Phase.TOTAL),
    REACTIVE_POWER_A(LoadClass.POWER, 6, 4, true, Measurand.REACTIVE_POWER, Phase.A),
    REACTIVE_POWER_B(LoadClass.POWER, 6, 4, true, Measurand.REACTIVE_POWER, Phase.B),
    REACTIVE_POWER_C(LoadClass.POWER, 6, 4, true, Measurand.REACTIVE_POWER, Phase.C),
    POWER_FACTOR(LoadClass.POWER_FACTOR, 4, 3, true, Measurand.POWER_FACTOR, Phase.TOTAL),
    POWER_FACTOR_A(LoadClass.POWER_FACTOR, 4, 3, true, Measurand.POWER_FACTOR, Phase.A),
    POWER_FACTOR_B(LoadClass.POWER_FACTOR, 4, 3, true, Measurand.POWER_FACTOR, Phase.B),
    POWER_FACTOR_C(LoadClass.POWER_FACTOR, 4, 3, true, Measurand.POWER_FACTOR, Phase.C),
    FORWARD_ACTIVE_ENERGY(LoadClass.ENERGY, 8, 2, false, Measurand.ACTIVE_ENERGY_IMPORT, Phase.TOTAL),
    REVERSE_ACTIVE_ENERGY(LoadClass.ENERGY, 8, 2, false, Measurand.ACTIVE_ENERGY_EXPORT, Phase.TOTAL),
    COMBINED_REACTIVE_1_ENERGY(LoadClass.ENERGY, 8, 2, true, Measurand.REACTIVE_ENERGY_COMBINED_1, Phase.TOTAL),
    COMBINED_REACTIVE_2_ENERGY(LoadClass.ENERGY, 8, 2, true, Measurand.REACTIVE_ENERGY_COMBINED_2, Phase.TOTAL),
    REACTIVE_ENERGY_Q1(LoadClass.QUADRANT_REACTIVE, 8, 2, false, Measurand.REACTIVE_ENERGY_Q1, Phase.TOTAL),
    REACTIVE_ENERGY_Q2(LoadClass.QUADRANT_REACTIVE, 8, 2, false, Measurand.REACTIVE_ENERGY_Q2, Phase.TOTAL),
    REACTIVE_ENERGY_Q3(LoadClass.QUADRANT_REACTIVE, 8, 2, false, Measurand.REACTIVE_ENERGY_Q3, Phase.TOTAL),
    REACTIVE_ENERGY_Q4(LoadClass.QUADRANT_REACTIVE, 8, 2, false, Measurand.REACTIVE_ENERGY_Q4, Phase.TOTAL),
    /** Signed current demand; core has no signed-demand measurand, so it maps to none. */
    ACTIVE_DEMAND(LoadClass.DEMAND, 6, 4, true, null, null),
    REACTIVE_DEMAND(LoadClass.DEMAND, 6, 4, true, null, null);

    private static final Map<LoadClass, List<LoadField>> BY_CLASS = new EnumMap<>(LoadClass.class);
    private static final Map<LoadClass, Integer> LENGTHS = new EnumMap<>(LoadClass.class);

    static {
      for (LoadClass loadClass : LoadClass.values()) {
        List<LoadField> fields = new ArrayList<>();
        for (LoadField field : values()) {
          if (field.loadClass == loadClass) {
            fields.add(field);
          }
        }
        BY_CLASS.put(loadClass, List.copyOf(fields));
        LENGTHS.put(loadClass, fields.stream().mapToInt(f -> f.format.length()).sum());
      }
    }

    private final LoadClass loadClass;
    private final DataFormat.Numeric format;
    private final boolean signed;
    private final Optional<Quantity> quantity;

    LoadField(LoadClass loadClass, int digits, int decimals, boolean signed, Measurand measurand, Phase phase) {
      this.loadClass = loadClass;
      this.format = new DataFormat.Numeric(digits, decimals);
      this.signed = signed;
      this.quantity = measurand == null ? Optional.empty() : Optional.of(Quantity.of(measurand, phase));
    }

    public LoadClass loadClass() {
      return loadClass;
    }

    public DataFormat.Numeric format() {
      return format;
    }

    public boolean signed() {
      return signed;
    }

    public Optional<Quantity> quantity() {
      return quantity;
    }
  }
}
