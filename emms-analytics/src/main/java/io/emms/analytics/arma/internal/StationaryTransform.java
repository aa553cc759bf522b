package io.emms.analytics.arma.internal;

/**
 * Maps unconstrained reals onto stationary AR (or invertible MA) coefficients and back.
 *
 * <p>Each real u becomes a partial autocorrelation {@code u / sqrt(1 + u^2)} in (-1, 1), and the Durbin–Levinson
 * recursion turns the partial autocorrelations into the coefficients of {@code 1 - phi1 B - ... - phik B^k}, which
 * is then stationary by construction (as in statsmodels). MA coefficients of {@code 1 + theta1 B + ...} use the
 * same map with a sign flip, so invertibility is the stationarity of the negated polynomial.
 */
public final class StationaryTransform {

  private StationaryTransform() {
  }

  /** Unconstrained reals to stationary AR coefficients. */
  public static double[] toAr(double[] u) {
    int k = u.length;
    double[] phi = new double[k];
    double[] prev = new double[k];
    for (int j = 0; j < k; j++) {
      double r = u[j] / Math.sqrt(1 + u[j] * u[j]);
      System.arraycopy(phi, 0, prev, 0, j);
      for (int i = 0; i < j; i++) {
        phi[i] = prev[i] - r * prev[j - 1 - i];
      }
      phi[j] = r;
    }
    return phi;
  }

  /** Unconstrained reals to invertible MA coefficients. */
  public static double[] toMa(double[] u) {
    return negate(toAr(u));
  }

  /**
   * Stationary AR coefficients to unconstrained reals.
   *
   * @return the reals, or {@code null} if {@code phi} is not stationary
   */
  public static double[] fromAr(double[] phi) {
    int k = phi.length;
    double[] cur = phi.clone();
    double[] prev = new double[k];
    double[] u = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      double r = cur[j];
      if (!(Math.abs(r) < 1)) {
        return null;
      }
      u[j] = r / Math.sqrt(1 - r * r);
      double scale = 1 - r * r;
      for (int i = 0; i < j; i++) {
        prev[i] = (cur[i] + r * cur[j - 1 - i]) / scale;
      }
      System.arraycopy(prev, 0, cur, 0, j);
    }
    return u;
  }

  /**
   * Invertible MA coefficients to unconstrained reals.
   *
   * @return the reals, or {@code null} if {@code theta} is not invertible
   */
  public static double[] fromMa(double[] theta) {
    return fromAr(negate(theta));
  }

  /** True if {@code 1 - phi1 B - ...} has all roots outside the unit circle. */
  public static boolean isStationary(double[] phi) {
    return fromAr(phi) != null;
  }

  private static double[] negate(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = -x[i];
    }
    return y;
  }
}
