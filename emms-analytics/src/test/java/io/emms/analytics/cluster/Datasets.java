package io.emms.analytics.cluster;

import java.util.SplittableRandom;

/** Reproducible synthetic data sets for the clustering tests. */
final class Datasets {

  private Datasets() {}

  /** {@code clusters} Gaussian blobs of {@code perCluster} points, centres on a grid {@code spread} apart. */
  static double[] blobs(int clusters, int perCluster, int d, double spread, double sigma, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] data = new double[clusters * perCluster * d];
    for (int c = 0; c < clusters; c++) {
      for (int p = 0; p < perCluster; p++) {
        int row = (c * perCluster + p) * d;
        for (int f = 0; f < d; f++) {
          double centre = f == c % d ? spread * (1 + c / d) : 0;
          data[row + f] = centre + sigma * gaussian(random);
        }
      }
    }
    return data;
  }

  static double[] uniform(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] data = new double[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextDouble();
    }
    return data;
  }

  /** Daily-load-like curves: a few shapes (morning/evening peaks, daytime plateau, flat) scaled, with noise. */
  static double[] profiles(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] data = new double[n * d];
    for (int i = 0; i < n; i++) {
      int shape = random.nextInt(4);
      double scale = 0.5 + random.nextDouble();
      for (int t = 0; t < d; t++) {
        double hour = 24.0 * t / d;
        double base = switch (shape) {
          case 0 -> 0.3 + bump(hour, 7.5, 1.0) + 1.5 * bump(hour, 19.5, 1.5);
          case 1 -> 0.2 + (hour >= 8 && hour < 18 ? 1.2 : 0.0);
          case 2 -> 1.0;
          default -> 0.4 + 1.2 * bump(hour, 2.0, 2.0);
        };
        data[i * d + t] = scale * base + 0.05 * gaussian(random);
      }
    }
    return data;
  }

  private static double bump(double x, double centre, double width) {
    double z = (x - centre) / width;
    return Math.exp(-0.5 * z * z);
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
