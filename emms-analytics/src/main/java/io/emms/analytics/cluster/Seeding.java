package io.emms.analytics.cluster;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007; the greedy variant scikit-learn uses): each next centre
 * is the best of {@code 2 + ⌊ln k⌋} candidates drawn with probability ∝ D², best meaning the lowest resulting
 * potential Σ D². Sums run in fixed chunk order, so the seeds depend on the seed only, not on the thread count.
 */
final class Seeding {

  private Seeding() {}

  /** Picks {@code k} rows of {@code data} as initial centres, reproducibly for a given {@code seed}. */
  public static double[] kMeansPlusPlus(double[] data, int d, int k, long seed, ChunkedExecutor exec) {
    int n = data.length / d;
    SplittableRandom random = new SplittableRandom(seed);
    double[] centres = new double[k * d];
    double[] minD2 = new double[n];
    double[] chunkPotential = new double[exec.chunkCount()];
    int trials = 2 + (int) Math.log(k);
    int first = random.nextInt(n);
    System.arraycopy(data, first * d, centres, 0, d);
    exec.run((c, from, to) -> {
      for (int i = from; i < to; i++) {
        minD2[i] = SquaredEuclidean.between(data, i * d, centres, 0, d);
      }
    });
    for (int j = 1; j < k; j++) {
      int chosen = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int candidate = sample(minD2, random);
        double potential = potential(data, d, candidate, minD2, chunkPotential, exec);
        if (potential < bestPotential) {
          bestPotential = potential;
          chosen = candidate;
        }
      }
      System.arraycopy(data, chosen * d, centres, j * d, d);
      int offset = j * d;
      exec.run((c, from, to) -> {
        for (int i = from; i < to; i++) {
          minD2[i] = Math.min(minD2[i], SquaredEuclidean.bounded(data, i * d, centres, offset, d, minD2[i]));
        }
      });
    }
    return centres;
  }

  /** Σ D² if {@code candidate} joined the centres. */
  private static double potential(
      double[] data, int d, int candidate, double[] minD2, double[] chunkPotential, ChunkedExecutor exec) {
    exec.run((c, from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        // A distance abandoned above minD2[i] would lose the min anyway.
        sum += Math.min(minD2[i], SquaredEuclidean.bounded(data, i * d, data, candidate * d, d, minD2[i]));
      }
      chunkPotential[c] = sum;
    });
    double total = 0;
    for (double p : chunkPotential) {
      total += p;
    }
    return total;
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
