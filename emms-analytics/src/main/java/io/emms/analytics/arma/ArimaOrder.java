package io.emms.analytics.arma;

import java.io.Serializable;

/**
 * Order (p, d, q) of an ARIMA model {@code phi(B) (1 - B)^d (y - mu) = theta(B) eps}.
 *
 * @param p number of autoregressive coefficients
 * @param d order of differencing
 * @param q number of moving-average coefficients
 */
public record ArimaOrder(int p, int d, int q) implements Serializable {

  /** Checks the components (see the class description for their meaning). */
  public ArimaOrder {
    if (p < 0 || d < 0 || q < 0) {
      throw new IllegalArgumentException("orders must be non-negative: (" + p + ", " + d + ", " + q + ")");
    }
  }

  /** Shorthand for {@code new ArimaOrder(p, d, q)}. */
  public static ArimaOrder of(int p, int d, int q) {
    return new ArimaOrder(p, d, q);
  }

  /**
   * Parses {@code "p,d,q"} (spaces allowed), as written on a command line.
   *
   * @throws IllegalArgumentException if the text is not three non-negative integers
   */
  public static ArimaOrder parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected p,d,q but got '" + text + "'");
    }
    try {
      return of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
          Integer.parseInt(parts[2].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected p,d,q but got '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return "ARIMA(" + p + "," + d + "," + q + ")";
  }
}
