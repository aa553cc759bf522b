package io.emms.benchmarks.analytics;

import io.emms.analytics.cluster.KMeans;
import io.emms.analytics.cluster.KMeansAlgorithm;
import io.emms.analytics.cluster.KMeansConfig;
import io.emms.analytics.profile.Normalisation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * k-means on 100 000 synthetic daily load profiles (96 quarter-hours), k = 10, one seed: EMMS (Hamerly, Elkan,
 * Lloyd) against commons-math3's {@code KMeansPlusPlusClusterer} and Tribuo's {@code KMeansTrainer}. Every method
 * runs to convergence (EMMS with tolerance 0, i.e. until no assignment changes). The SSE of each result (sum of
 * squared distances of every profile to its nearest returned centroid) is printed at the end of each iteration.
 * {@code normalisation} clusters either the raw kW profiles or the sum-normalised shapes, as load-profile studies
 * usually do.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KMeansBenchmark -f 1 -wi 2 -i 3}
 *
 * <p>On a shared machine wall-clock times swing with the load; {@link #main} measures the CPU time of the
 * clustering thread instead, and the SSE over several seeds:
 * {@code java -cp benchmarks/target/benchmarks.jar io.emms.benchmarks.analytics.KMeansBenchmark [repetitions]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class KMeansBenchmark {
  static final int N = 100_000;
  static final int D = 96;
  static final int K = 10;
  static final long SEED = 42;
  /** Held so that the quieter level set by {@link #main} is not lost to garbage collection. */
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  @Param({"NONE", "SUM"})
  String normalisation;

  double[] flat;
  List<DoublePoint> points;
  MutableDataset<ClusterID> tribuoData;
  double[] lastCentroids;
  String lastName;

  @Setup
  public void setUp() {
    flat = Normalisation.valueOf(normalisation).apply(profiles(N, D, SEED), D);
    points = new ArrayList<>(N);
    String[] names = new String[D];
    for (int f = 0; f < D; f++) {
      names[f] = String.format("t%02d", f);
    }
    ClusteringFactory factory = new ClusteringFactory();
    tribuoData = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic load profiles", factory), factory);
    for (int i = 0; i < N; i++) {
      double[] row = Arrays.copyOfRange(flat, i * D, (i + 1) * D);
      points.add(new DoublePoint(row));
      tribuoData.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
  }

  @Benchmark
  public double emmsHamerly() {
    return emms(KMeansAlgorithm.HAMERLY, 1, "emms HAMERLY 1 thread");
  }

  @Benchmark
  public double emmsHamerlyTwoThreads() {
    return emms(KMeansAlgorithm.HAMERLY, 2, "emms HAMERLY 2 threads");
  }

  @Benchmark
  public double emmsElkan() {
    return emms(KMeansAlgorithm.ELKAN, 1, "emms ELKAN 1 thread");
  }

  @Benchmark
  public double emmsLloyd() {
    return emms(KMeansAlgorithm.LLOYD, 1, "emms LLOYD 1 thread");
  }

  @Benchmark
  public double commonsMath3() {
    return record(commonsCentroids(points, SEED), "commons-math3 KMeansPlusPlusClusterer");
  }

  static double[] commonsCentroids(List<DoublePoint> points, long seed) {
    KMeansPlusPlusClusterer<DoublePoint> clusterer =
        new KMeansPlusPlusClusterer<>(K, -1, new EuclideanDistance(), new JDKRandomGenerator((int) seed));
    List<CentroidCluster<DoublePoint>> clusters = clusterer.cluster(points);
    double[] centroids = new double[K * D];
    for (int j = 0; j < clusters.size(); j++) {
      System.arraycopy(clusters.get(j).getCenter().getPoint(), 0, centroids, j * D, D);
    }
    return centroids;
  }

  @Benchmark
  public double tribuo() {
    return record(tribuoCentroids(tribuoData), "Tribuo KMeansTrainer 1 thread");
  }

  static double[] tribuoCentroids(MutableDataset<ClusterID> dataset) {
    KMeansTrainer trainer = new KMeansTrainer(
        K, 300, DistanceType.L2.getDistance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, SEED);
    KMeansModel model = trainer.train(dataset);
    DenseVector[] vectors = model.getCentroidVectors();
    double[] centroids = new double[K * D];
    for (int j = 0; j < vectors.length; j++) {
      System.arraycopy(vectors[j].toArray(), 0, centroids, j * D, D);
    }
    return centroids;
  }

  private double emms(KMeansAlgorithm algorithm, int threads, String name) {
    return record(emmsCentroids(flat, algorithm, threads, SEED), name);
  }

  static double[] emmsCentroids(double[] data, KMeansAlgorithm algorithm, int threads, long seed) {
    KMeansConfig config = KMeansConfig.builder(K)
        .seed(seed)
        .tolerance(0)
        .maxIterations(300)
        .algorithm(algorithm)
        .threads(threads)
        .build();
    return new KMeans(config).fit(data, D).centroids();
  }

  private double record(double[] centroids, String name) {
    lastCentroids = centroids;
    lastName = name;
    return centroids[0];
  }

  @TearDown(Level.Iteration)
  public void printSse() {
    if (lastCentroids != null) {
      System.out.printf("%n%s: SSE %.6f%n", lastName, nearestCentroidSse(flat, lastCentroids));
      lastCentroids = null;
    }
  }

  /**
   * CPU time of the clustering thread (best of {@code args[0]} runs, default 3; Tribuo once) and SSE for seed 42,
   * then the SSE of EMMS and commons-math3 for seeds 1 to 4, for raw and sum-normalised profiles.
   */
  public static void main(String[] args) {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    for (String normalisation : new String[] {"NONE", "SUM"}) {
      KMeansBenchmark b = new KMeansBenchmark();
      b.normalisation = normalisation;
      b.setUp();
      System.out.printf("%n## normalisation %s%n", normalisation);
      time("emms HAMERLY", repetitions, () -> emmsCentroids(b.flat, KMeansAlgorithm.HAMERLY, 1, SEED), b.flat);
      time("emms ELKAN", repetitions, () -> emmsCentroids(b.flat, KMeansAlgorithm.ELKAN, 1, SEED), b.flat);
      time("emms LLOYD", repetitions, () -> emmsCentroids(b.flat, KMeansAlgorithm.LLOYD, 1, SEED), b.flat);
      time("commons-math3", repetitions, () -> commonsCentroids(b.points, SEED), b.flat);
      time("Tribuo", 1, () -> tribuoCentroids(b.tribuoData), b.flat);
      for (long seed = 1; seed <= 4; seed++) {
        long s = seed;
        System.out.printf("seed %d: SSE emms %.4f, commons-math3 %.4f%n", seed,
            nearestCentroidSse(b.flat, emmsCentroids(b.flat, KMeansAlgorithm.HAMERLY, 2, s)),
            nearestCentroidSse(b.flat, commonsCentroids(b.points, s)));
      }
    }
  }

  private static void time(String name, int repetitions, Supplier<double[]> run, double[] data) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    double[] centroids = null;
    for (int r = 0; r < repetitions; r++) {
      long start = threads.getCurrentThreadCpuTime();
      centroids = run.get();
      best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
    }
    System.out.printf("%-14s CPU %8.3f s  SSE %.4f%n", name, best / 1e9, nearestCentroidSse(data, centroids));
  }

  /** The k-means objective of a set of centroids, computed the same way for every library. */
  static double nearestCentroidSse(double[] data, double[] centroids) {
    double sse = 0;
    for (int i = 0; i < N; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < K; j++) {
        double s = 0;
        for (int f = 0; f < D; f++) {
          double t = data[i * D + f] - centroids[j * D + f];
          s += t * t;
        }
        best = Math.min(best, s);
      }
      sse += best;
    }
    return sse;
  }

  /**
   * Synthetic daily load profiles in kW: ten customer shapes (commuter household, at-home household, office,
   * retail, two-shift and continuous industry, night storage heating / EV charging, school, restaurant, household
   * with rooftop PV), each day with its own size (log-normal), a shift of up to ±1 h, 8 % multiplicative and small
   * additive noise, and now and then a short spike.
   */
  static double[] profiles(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] data = new double[n * d];
    for (int i = 0; i < n; i++) {
      int shape = random.nextInt(10);
      double size = Math.exp(0.5 * gaussian(random));
      double shiftHours = (random.nextInt(9) - 4) * 0.25;
      for (int t = 0; t < d; t++) {
        double hour = 24.0 * t / d - shiftHours;
        double value = size * shape(shape, ((hour % 24) + 24) % 24);
        data[i * d + t] = value * (1 + 0.08 * gaussian(random)) + 0.02 * gaussian(random);
      }
      if (random.nextInt(10) == 0) {
        int at = random.nextInt(d - 2);
        for (int t = at; t < at + 2; t++) {
          data[i * d + t] += size * (1 + random.nextDouble());
        }
      }
    }
    return data;
  }

  private static double shape(int shape, double h) {
    return switch (shape) {
      case 0 -> 0.25 + 0.8 * bump(h, 7.0, 0.8) + 1.4 * bump(h, 19.5, 1.6);
      case 1 -> 0.3 + 0.6 * bump(h, 12.5, 3.5) + 1.1 * bump(h, 19.0, 1.8);
      case 2 -> 0.3 + 1.5 * plateau(h, 8, 18);
      case 3 -> 0.4 + 1.6 * plateau(h, 9, 21);
      case 4 -> 0.6 + 2.0 * plateau(h, 6, 22);
      case 5 -> 2.2 + 0.2 * Math.sin(2 * Math.PI * h / 24);
      case 6 -> 0.3 + 2.0 * (h < 6 ? 1 : 0) + 0.5 * bump(h, 18.5, 1.5);
      case 7 -> 0.2 + 1.8 * plateau(h, 7.5, 15.5);
      case 8 -> 0.3 + 1.5 * bump(h, 12.5, 1.2) + 2.0 * bump(h, 19.5, 1.5);
      default -> 0.4 + 0.8 * bump(h, 7.5, 1.0) + 1.2 * bump(h, 19.0, 1.5) - 1.6 * bump(h, 13.0, 2.5);
    };
  }

  private static double plateau(double h, double from, double to) {
    // Smooth edges half an hour wide.
    return 1 / (1 + Math.exp(-(h - from) * 6)) - 1 / (1 + Math.exp(-(h - to) * 6));
  }

  private static double bump(double x, double centre, double width) {
    double z = (x - centre) / width;
    return Math.exp(-0.5 * z * z);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
