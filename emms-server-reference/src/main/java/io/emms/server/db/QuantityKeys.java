package io.emms.server.db;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;

/**
 * The text form a {@link Quantity} is stored and addressed by: {@code MEASURAND[.PHASE][.Tn]}, as
 * {@link Quantity#toString()} writes it, e.g. {@code ACTIVE_ENERGY_IMPORT.T2} or {@code VOLTAGE.A}.
 */
public final class QuantityKeys {

  private QuantityKeys() {}

  /** The stored key of a quantity. */
  public static String key(Quantity q) {
    return q.toString();
  }

  /**
   * Parses a stored key.
   *
   * @throws IllegalArgumentException naming what is wrong with the key
   */
  public static Quantity parse(String key) {
    String[] parts = key.split("\\.", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("quantity has too many parts: " + key);
    }
    Measurand m = Measurand.valueOf(parts[0]);
    Phase phase = Phase.TOTAL;
    int tariff = 0;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.length() > 1 && p.charAt(0) == 'T' && Character.isDigit(p.charAt(1))) {
        tariff = Integer.parseInt(p.substring(1));
      } else {
        phase = Phase.valueOf(p);
      }
    }
    return new Quantity(m, phase, tariff);
  }
}
