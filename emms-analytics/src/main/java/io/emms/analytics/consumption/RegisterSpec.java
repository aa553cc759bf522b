package io.emms.analytics.consumption;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The display of a cumulative register: a 6+2-digit energy register shows 000000.00 … 999999.99 and wraps to
 * zero after that, so its modulus is 1 000 000.
 *
 * @param integerDigits digits before the decimal point (1..15)
 * @param fractionDigits digits after the decimal point (0..6)
 */
public record RegisterSpec(int integerDigits, int fractionDigits) implements Serializable {

  /** The common 6+2-digit kWh register of static meters. */
  public static final RegisterSpec SIX_PLUS_TWO = new RegisterSpec(6, 2);

  /** Checks the components (see the class description for their meaning). */
  public RegisterSpec {
    if (integerDigits < 1 || integerDigits > 15) {
      throw new IllegalArgumentException("integerDigits must be 1..15, got " + integerDigits);
    }
    if (fractionDigits < 0 || fractionDigits > 6) {
      throw new IllegalArgumentException("fractionDigits must be 0..6, got " + fractionDigits);
    }
  }

  /** The value at which the register wraps back to zero (10^integerDigits). */
  public BigDecimal modulus() {
    return BigDecimal.TEN.pow(integerDigits);
  }

  /** The largest value the register can show (modulus minus one unit of the last digit). */
  public BigDecimal maxValue() {
    return modulus().subtract(BigDecimal.ONE.movePointLeft(fractionDigits));
  }
}
