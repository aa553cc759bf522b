package io.emms.analytics.cluster;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Exact k-means with k-means++ seeding. Points are the rows of a flat row-major {@code double[]} of
 * {@code n × dimension} values. A fit is a pure function of the data and the {@link KMeansConfig}: the thread count
 * and the algorithm change the speed, never the result.
 *
 * <pre>{@code
 * KMeansResult r = new KMeans(KMeansConfig.builder(10).seed(7).threads(2).build()).fit(profiles, 96);
 * }</pre>
 */
public final class KMeans {
  private final KMeansConfig config;

  public KMeans(KMeansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public KMeansConfig config() {
    return config;
  }

  /**
   * Clusters the rows of {@code data}. With {@link KMeansConfig#nInit()} starts, the result with the lowest SSE wins
   * (the earliest on ties).
   *
   * @throws IllegalArgumentException if the shape is wrong, a value is not finite, or there are fewer rows than k
   */
  public KMeansResult fit(double[] data, int dimension) {
    int n = checkData(data, dimension);
    if (n < config.k()) {
      throw new IllegalArgumentException(n + " points cannot form " + config.k() + " clusters");
    }
    double tolerance = KMeansEngine.absoluteTolerance(data, dimension, config.tolerance());
    SplittableRandom seeds = new SplittableRandom(config.seed());
    KMeansResult best = null;
    try (ChunkedExecutor exec = new ChunkedExecutor(n, config.threads())) {
      for (int run = 0; run < config.nInit(); run++) {
        double[] start = Seeding.kMeansPlusPlus(data, dimension, config.k(), seeds.nextLong(), exec);
        KMeansResult result = run(data, dimension, start, tolerance, exec);
        if (best == null || result.sse() < best.sse()) {
          best = result;
        }
      }
    }
    return best;
  }

  /**
   * Clusters the rows of {@code data} starting from the given centres instead of k-means++ ({@code nInit} and
   * {@code seed} are not used). Useful to warm-start, and to compare algorithms from one start.
   *
   * @param initialCentroids {@code k × dimension} values, row-major
   */
  public KMeansResult fit(double[] data, int dimension, double[] initialCentroids) {
    int n = checkData(data, dimension);
    if (initialCentroids.length != config.k() * dimension) {
      throw new IllegalArgumentException("expected " + config.k() + " × " + dimension
          + " initial centroid values, got " + initialCentroids.length);
    }
    checkFinite(initialCentroids);
    double tolerance = KMeansEngine.absoluteTolerance(data, dimension, config.tolerance());
    try (ChunkedExecutor exec = new ChunkedExecutor(n, config.threads())) {
      return run(data, dimension, initialCentroids, tolerance, exec);
    }
  }

  /** The k-means++ centres this configuration's first start would use, {@code k × dimension} row-major. */
  public double[] seedCentroids(double[] data, int dimension) {
    int n = checkData(data, dimension);
    if (n < config.k()) {
      throw new IllegalArgumentException(n + " points cannot form " + config.k() + " clusters");
    }
    try (ChunkedExecutor exec = new ChunkedExecutor(n, config.threads())) {
      return Seeding.kMeansPlusPlus(
          data, dimension, config.k(), new SplittableRandom(config.seed()).nextLong(), exec);
    }
  }

  private KMeansResult run(double[] data, int dimension, double[] start, double tolerance, ChunkedExecutor exec) {
    return KMeansEngine.run(
        data, dimension, start, config.resolvedAlgorithm(dimension), config.maxIterations(), tolerance, exec);
  }

  private static int checkData(double[] data, int dimension) {
    Objects.requireNonNull(data, "data");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1: " + dimension);
    }
    if (data.length == 0 || data.length % dimension != 0) {
      throw new IllegalArgumentException(
          data.length + " values are not a whole number of rows of " + dimension);
    }
    checkFinite(data);
    return data.length / dimension;
  }

  private static void checkFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
      }
    }
  }
}
