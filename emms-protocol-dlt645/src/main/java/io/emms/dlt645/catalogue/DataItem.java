package io.emms.dlt645.catalogue;

import io.emms.core.reading.Quantity;
import io.emms.core.reading.Unit;
import java.util.Objects;
import java.util.Optional;

/**
 * One data identifier of the catalogue.
 *
 * @param di the identifier as read ({@code 0x00010000}, {@code 0xB611})
 * @param name what it is, in English
 * @param format the byte layout
 * @param length nominal bytes of the value (after the DI), -1 when it varies
 * @param unit the unit of its numbers ({@link Unit#NONE} for counts, times, texts)
 * @param signed whether numbers carry a sign in the top bit (sign-magnitude)
 * @param access read, write or both
 * @param quantity the protocol-neutral quantity its value is, if any
 */
public record DataItem(
    int di, String name, DataFormat format, int length, Unit unit, boolean signed, Access access,
    Optional<Quantity> quantity) {

  /** Checks the components (see the class description for their meaning). */
  public DataItem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(quantity, "quantity");
    if (format.length() >= 0 && length != format.length()) {
      throw new IllegalArgumentException("DI " + Integer.toHexString(di) + ": " + length + " bytes but " + format
          + " has " + format.length());
    }
  }
}
