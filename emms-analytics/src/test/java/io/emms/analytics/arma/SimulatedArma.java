package io.emms.analytics.arma;

/**
 * ARMA(2,1) series from SplitMix64 and Box–Muller, bit-compatible with tools/arma/reference.py so that the
 * references computed there apply to the series regenerated here.
 */
final class SimulatedArma {

  private long state;

  private SimulatedArma(long seed) {
    this.state = seed;
  }

  /** {@code x(t) = phi1 x(t-1) + phi2 x(t-2) + e(t) + theta1 e(t-1)}, y = mean + x, after 500 burn-in steps. */
  static double[] arma21(int n, long seed, double phi1, double phi2, double theta1, double mean, double sigma) {
    SimulatedArma rng = new SimulatedArma(seed);
    int burn = 500;
    double[] y = new double[n];
    double x1 = 0;
    double x2 = 0;
    double e1 = 0;
    for (int t = 0; t < n + burn; t++) {
      double e = sigma * rng.nextGaussian();
      double x = phi1 * x1 + phi2 * x2 + e + theta1 * e1;
      x2 = x1;
      x1 = x;
      e1 = e;
      if (t >= burn) {
        y[t - burn] = mean + x;
      }
    }
    return y;
  }

  /** The benchmark series: one year of 15-minute values, ARMA(2,1) with phi = (0.5, 0.3), theta = 0.4, mean 5. */
  static double[] benchmarkSeries() {
    return arma21(35_040, 35_040, 0.5, 0.3, 0.4, 5.0, 1.0);
  }

  private long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  private double nextGaussian() {
    double u1 = nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }
}
