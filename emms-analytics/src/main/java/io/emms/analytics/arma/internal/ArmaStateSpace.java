package io.emms.analytics.arma.internal;

import java.io.Serializable;

/**
 * Harvey state-space form of an ARIMA(p, d, q) process, extended by d lagged levels so that the filter runs on the
 * undifferenced series.
 *
 * <p>The ARMA block has r = max(p, q + 1) states: T holds phi in its first column and an identity on the
 * super-diagonal, R = (1, theta1 ... theta(r-1)) and the differenced value is the first state. The lag block holds
 * y(t-1) ... y(t-d); the level is the first ARMA state plus {@code sum c_i y(t-i)}, where
 * {@code (1 - B)^d = 1 - sum c_i B^i}. The disturbance variance is 1: the filter runs in units of sigma^2.
 */
public final class ArmaStateSpace implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[] phi;
  private final double[] rVector;
  final double[] diffCoefficients;
  private final int r;
  private final int d;

  /**
   * @param ar AR coefficients phi1..phip of {@code 1 - phi1 B - ...}
   * @param ma MA coefficients theta1..thetaq of {@code 1 + theta1 B + ...}
   * @param d  order of differencing
   */
  public ArmaStateSpace(double[] ar, double[] ma, int d) {
    this.r = Math.max(ar.length, ma.length + 1);
    this.d = d;
    this.phi = new double[r];
    System.arraycopy(ar, 0, phi, 0, ar.length);
    this.rVector = new double[r];
    rVector[0] = 1;
    System.arraycopy(ma, 0, rVector, 1, ma.length);
    this.diffCoefficients = differencingCoefficients(d);
  }

  /** Returns c_1..c_d with {@code (1 - B)^d = 1 - sum c_i B^i}. */
  static double[] differencingCoefficients(int d) {
    double[] c = new double[d];
    double binomial = 1;
    for (int i = 1; i <= d; i++) {
      binomial = binomial * (d - i + 1) / i;
      c[i - 1] = (i % 2 == 1) ? binomial : -binomial;
    }
    return c;
  }

  /** Number of ARMA states r = max(p, q + 1). */
  public int armaStates() {
    return r;
  }

  /** Order of differencing. */
  public int d() {
    return d;
  }

  /** Total number of states r + d. */
  public int states() {
    return r + d;
  }

  /** c_(k+1), the weight of y(t-k-1) in the level. */
  double differencing(int k) {
    return diffCoefficients[k];
  }

  /** Z x: the observed level implied by state x. */
  double observe(double[] x) {
    double s = x[0];
    for (int k = 0; k < d; k++) {
      s += diffCoefficients[k] * x[r + k];
    }
    return s;
  }

  /** out = T x, reading x[offset + i * stride] and writing out[outOffset + i * stride]; in and out distinct. */
  void transition(double[] x, int offset, int stride, double[] out, int outOffset) {
    double x0 = x[offset];
    for (int i = 0; i < r - 1; i++) {
      out[outOffset + i * stride] = phi[i] * x0 + x[offset + (i + 1) * stride];
    }
    out[outOffset + (r - 1) * stride] = phi[r - 1] * x0;
    if (d > 0) {
      double level = x0;
      for (int k = 0; k < d; k++) {
        level += diffCoefficients[k] * x[offset + (r + k) * stride];
      }
      for (int k = d - 1; k > 0; k--) {
        out[outOffset + (r + k) * stride] = x[offset + (r + k - 1) * stride];
      }
      out[outOffset + r * stride] = level;
    }
  }

  /** Adds R R' to the ARMA block of the m x m row-major matrix p. */
  void addDisturbance(double[] p) {
    int m = states();
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        p[i * m + j] += rVector[i] * rVector[j];
      }
    }
  }

  /**
   * Unconditional covariance of the ARMA block, P = T P T' + R R', solved exactly as a linear system in the
   * r(r+1)/2 distinct entries of the symmetric P, embedded in an m x m row-major matrix with a zero lag block.
   *
   * @return the covariance, or {@code null} if the system is singular (AR part on the unit circle)
   */
  public double[] stationaryCovariance() {
    int size = r * (r + 1) / 2;
    int[] index = new int[r * r];
    int next = 0;
    for (int i = 0; i < r; i++) {
      for (int j = i; j < r; j++) {
        index[i * r + j] = next;
        index[j * r + i] = next;
        next++;
      }
    }
    double[] a = new double[size * size];
    double[] b = new double[size];
    for (int i = 0; i < r; i++) {
      for (int j = i; j < r; j++) {
        int row = index[i * r + j] * size;
        // (T P T')_ij = phi_i phi_j P00 + phi_i P(0, j+1) + phi_j P(i+1, 0) + P(i+1, j+1)
        a[row + index[i * r + j]] += 1;
        a[row + index[0]] -= phi[i] * phi[j];
        if (j + 1 < r) {
          a[row + index[j + 1]] -= phi[i];
        }
        if (i + 1 < r) {
          a[row + index[(i + 1) * r]] -= phi[j];
        }
        if (i + 1 < r && j + 1 < r) {
          a[row + index[(i + 1) * r + j + 1]] -= 1;
        }
        b[index[i * r + j]] = rVector[i] * rVector[j];
      }
    }
    if (!GaussianElimination.solveInPlace(a, b, size)) {
      return null;
    }
    int m = states();
    double[] p = new double[m * m];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        p[i * m + j] = b[index[i * r + j]];
      }
    }
    return p;
  }
}
