package io.emms.analytics.anomaly;

/** Median and MAD of small windows without allocation: insertion sort into a caller-owned scratch array. */
final class Medians {

  private Medians() {}

  /** Median of {@code values[0..n)}; sorts {@code values} in place. */
  static double medianInPlace(double[] values, int n) {
    for (int i = 1; i < n; i++) {
      double x = values[i];
      int j = i - 1;
      while (j >= 0 && values[j] > x) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = x;
    }
    return (n & 1) == 1 ? values[n >> 1] : 0.5 * (values[(n >> 1) - 1] + values[n >> 1]);
  }

  /** MAD of {@code values[0..n)} around {@code median}; overwrites {@code values}. */
  static double madInPlace(double[] values, int n, double median) {
    for (int i = 0; i < n; i++) {
      values[i] = Math.abs(values[i] - median);
    }
    return medianInPlace(values, n);
  }
}
