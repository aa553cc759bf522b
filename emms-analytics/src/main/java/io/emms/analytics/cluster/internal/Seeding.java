package io.emms.analytics.cluster.internal;

import java.util.SplittableRandom;

/** k-means++ seeding (Arthur and Vassilvitskii 2007): each next centre is drawn with probability ∝ D². */
public final class Seeding {

  private Seeding() {}

  /** Picks {@code k} rows of {@code data} as initial centres, reproducibly for a given {@code seed}. */
  public static double[] kMeansPlusPlus(double[] data, int d, int k, long seed, ChunkedExecutor exec) {
    int n = data.length / d;
    SplittableRandom random = new SplittableRandom(seed);
    double[] centres = new double[k * d];
    double[] minD2 = new double[n];
    int first = random.nextInt(n);
    System.arraycopy(data, first * d, centres, 0, d);
    exec.run((c, from, to) -> {
      for (int i = from; i < to; i++) {
        minD2[i] = SquaredEuclidean.between(data, i * d, centres, 0, d);
      }
    });
    for (int j = 1; j < k; j++) {
      int chosen = sample(minD2, random);
      System.arraycopy(data, chosen * d, centres, j * d, d);
      int offset = j * d;
      exec.run((c, from, to) -> {
        for (int i = from; i < to; i++) {
          minD2[i] = Math.min(minD2[i], SquaredEuclidean.between(data, i * d, centres, offset, d));
        }
      });
    }
    return centres;
  }

  /** Draws an index with probability proportional to its weight; uniformly when all weights are zero. */
  private static int sample(double[] weights, SplittableRandom random) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      return random.nextInt(weights.length);
    }
    double target = random.nextDouble() * total;
    double cumulative = 0;
    int lastPositive = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        cumulative += weights[i];
        lastPositive = i;
        if (cumulative > target) {
          return i;
        }
      }
    }
    // Rounding can leave the running sum a hair below the target.
    return lastPositive;
  }
}
