package io.emms.analytics.anomaly;

import java.io.Serializable;

/** Welford's numerically stable running mean and variance. */
final class Welford implements Serializable {

  private static final long serialVersionUID = 1L;

  private long n;
  private double mean;
  private double m2;

  void add(double x) {
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }

  long count() {
    return n;
  }

  double mean() {
    return mean;
  }

  /** Sample standard deviation (n − 1). */
  double sd() {
    return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
  }
}
