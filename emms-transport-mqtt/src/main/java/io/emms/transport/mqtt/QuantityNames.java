package io.emms.transport.mqtt;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;

/**
 * Reads back the names {@link Quantity#toString()} writes: {@code MEASURAND[.PHASE][.Tn]}, such as
 * {@code ACTIVE_ENERGY_IMPORT}, {@code VOLTAGE.A} or {@code ACTIVE_ENERGY_IMPORT.T2}.
 */
final class QuantityNames {

  private QuantityNames() {}

  /** Parses a quantity name; throws {@link IllegalArgumentException} naming the bad part. */
  public static Quantity parse(String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("not a quantity: '" + name + "'");
    }
    Measurand measurand = enumValue(Measurand.class, parts[0], name);
    Phase phase = Phase.TOTAL;
    int tariff = 0;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (isTariff(part) && i == parts.length - 1) {
        tariff = Integer.parseInt(part.substring(1));
      } else if (i == 1 && !part.equals("TOTAL")) {
        phase = enumValue(Phase.class, part, name);
      } else {
        throw new IllegalArgumentException("not a quantity: '" + name + "'");
      }
    }
    return new Quantity(measurand, phase, tariff);
  }

  /** {@code T1}..{@code T99}, checked by hand: this runs for every reading of every message. */
  private static boolean isTariff(String part) {
    int n = part.length();
    return (n == 2 || n == 3) && part.charAt(0) == 'T' && part.charAt(1) >= '1' && part.charAt(1) <= '9'
        && (n == 2 || Character.isDigit(part.charAt(2)));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String whole) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + type.getSimpleName().toLowerCase() + " '" + value + "' in '" + whole + "'");
    }
  }
}
