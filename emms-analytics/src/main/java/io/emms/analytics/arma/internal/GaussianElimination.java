package io.emms.analytics.arma.internal;

/** Dense linear solve with partial pivoting, for the small systems of the Lyapunov equation. */
final class GaussianElimination {

  private GaussianElimination() {
  }

  /**
   * Solves A x = b for the n x n row-major {@code a}, overwriting {@code b} with x and destroying {@code a}.
   *
   * @return false if A is numerically singular
   */
  static boolean solveInPlace(double[] a, double[] b, int n) {
    for (int col = 0; col < n; col++) {
      int pivot = col;
      double best = Math.abs(a[col * n + col]);
      for (int row = col + 1; row < n; row++) {
        double v = Math.abs(a[row * n + col]);
        if (v > best) {
          best = v;
          pivot = row;
        }
      }
      if (!(best > 1e-300)) {
        return false;
      }
      if (pivot != col) {
        for (int k = col; k < n; k++) {
          double t = a[col * n + k];
          a[col * n + k] = a[pivot * n + k];
          a[pivot * n + k] = t;
        }
        double t = b[col];
        b[col] = b[pivot];
        b[pivot] = t;
      }
      double diag = a[col * n + col];
      for (int row = col + 1; row < n; row++) {
        double f = a[row * n + col] / diag;
        if (f != 0) {
          for (int k = col + 1; k < n; k++) {
            a[row * n + k] -= f * a[col * n + k];
          }
          b[row] -= f * b[col];
        }
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      double s = b[row];
      for (int k = row + 1; k < n; k++) {
        s -= a[row * n + k] * b[k];
      }
      b[row] = s / a[row * n + row];
    }
    return true;
  }
}
