package io.emms.spark;

import io.emms.analytics.cluster.KMeans;
import io.emms.analytics.cluster.KMeansConfig;
import io.emms.analytics.cluster.KMeansResult;
import io.emms.analytics.profile.DailyProfiler;
import io.emms.analytics.profile.DailyProfiles;
import io.emms.analytics.profile.ProfileConfig;
import io.emms.spark.internal.WeightedKMeans;
import java.io.Serializable;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Job 2, daily-profile clustering: every meter's interval energy becomes normalised daily profiles
 * ({@link DailyProfiler}, one task per meter), which are clustered with our k-means over the whole data set.
 *
 * <p>The scheme, in three steps: (1) each partition runs {@link KMeans} (k-means++ seeding, Hamerly or Elkan
 * bounds) on its own profiles to convergence and hands on its k centres weighted by their cluster sizes; (2) the
 * driver clusters those partitions × k weighted centres into k (weighted k-means++ and Lloyd); (3) distributed Lloyd
 * passes over all profiles — broadcast centres, per-partition sums, one reduction — refine them until the centres
 * move less than the tolerance. The expensive convergence from scratch happens in step 1 with our accelerated
 * engine, in parallel and without shuffles; step 3 needs few passes because it starts close.
 */
public final class ProfileClusterJob implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The schema of the profiles data set: one row per meter and kept day. */
  public static final StructType PROFILES = new StructType()
      .add(ReadingLayout.METER, DataTypes.StringType, false)
      .add("day", DataTypes.DateType, false)
      .add("profile", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  private final ProfileConfig profileConfig;
  private final int k;
  private final long seed;
  private final int maxPasses;
  private final double tolerance;

  /**
   * @param profileConfig how daily profiles are cut and normalised
   * @param k the number of clusters
   * @param seed seeds every k-means++ draw
   * @param maxPasses the most distributed refinement passes
   * @param tolerance refinement stops when the summed squared centre shift is at most this fraction of the summed
   *     squared centre norms
   */
  public ProfileClusterJob(ProfileConfig profileConfig, int k, long seed, int maxPasses, double tolerance) {
    this.profileConfig = Objects.requireNonNull(profileConfig, "profileConfig");
    if (k < 1 || maxPasses < 0 || !(tolerance >= 0)) {
      throw new IllegalArgumentException("need k >= 1, maxPasses >= 0 and tolerance >= 0");
    }
    this.k = k;
    this.seed = seed;
    this.maxPasses = maxPasses;
    this.tolerance = tolerance;
  }

  /** The daily profiles of interval energy in {@link ReadingLayout} ({@code ts} = interval start). */
  public Dataset<Row> profiles(Dataset<Row> intervalEnergy) {
    return intervalEnergy
        .select(ReadingLayout.METER, ReadingLayout.QUANTITY, ReadingLayout.TIME, ReadingLayout.VALUE,
            ReadingLayout.QUALITY)
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) this::meterProfiles,
            ExpressionEncoder.apply(PROFILES));
  }

  private Iterator<Row> meterProfiles(String meterId, Iterator<Row> rows) {
    List<Instant> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      int v = ReadingLayout.VALUE_INDEX;
      times.add(r.getTimestamp(ReadingLayout.TIME_INDEX).toInstant());
      values.add(r.isNullAt(v) ? Double.NaN : r.getDouble(v));
    }
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = values.get(i);
    }
    DailyProfiles profiles = new DailyProfiler(profileConfig).profiles(times.toArray(new Instant[0]), x);
    List<Row> out = new ArrayList<>(profiles.size());
    for (int row = 0; row < profiles.size(); row++) {
      out.add(RowFactory.create(meterId, Date.valueOf(profiles.dates().get(row)), toList(profiles.profile(row))));
    }
    return out.iterator();
  }

  /**
   * Clusters the profiles.
   *
   * @param profiles rows in {@link #PROFILES}
   */
  public Clustering cluster(SparkSession spark, Dataset<Row> profiles) {
    int dimension = profileConfig.intervalsPerDay();
    JavaRDD<double[]> points = profiles.javaRDD().map(r -> toArray(r.getList(2))).persist(StorageLevel.MEMORY_ONLY());
    try {
      double[] centres = mergedPartitionCentres(points, dimension);
      int passes = 0;
      Pass pass = pass(spark, points, centres, dimension);
      while (passes < maxPasses) {
        double[] next = pass.centres(centres, dimension, k);
        passes++;
        boolean settled = shift(centres, next) <= tolerance * norm(next);
        centres = next;
        pass = pass(spark, points, centres, dimension);
        if (settled) {
          break;
        }
      }
      return new Clustering(k, dimension, centres, pass.sse, passes, pass.count);
    } finally {
      points.unpersist(false);
    }
  }

  /** Each profile with its cluster: {@code meter_id}, {@code day}, {@code cluster}. */
  public Dataset<Row> assignments(Dataset<Row> profiles, Clustering clustering) {
    StructType schema = new StructType()
        .add(ReadingLayout.METER, DataTypes.StringType, false)
        .add("day", DataTypes.DateType, false)
        .add("cluster", DataTypes.IntegerType, false);
    return profiles.map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(0), r.getDate(1),
        clustering.clusterOf(toArray(r.getList(2)))), ExpressionEncoder.apply(schema));
  }

  /** Steps 1 and 2: our k-means in every partition, then the weighted centres merged on the driver. */
  private double[] mergedPartitionCentres(JavaRDD<double[]> points, int dimension) {
    int clusters = k;
    long partitionSeed = seed;
    List<double[]> weighted = points.mapPartitionsWithIndex((index, it) -> {
      List<double[]> rows = new ArrayList<>();
      it.forEachRemaining(rows::add);
      List<double[]> out = new ArrayList<>();
      if (rows.size() <= clusters) {
        rows.forEach(p -> out.add(withWeight(p, 1)));
        return out.iterator();
      }
      double[] flat = new double[rows.size() * dimension];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, flat, i * dimension, dimension);
      }
      KMeansResult local = new KMeans(KMeansConfig.builder(clusters).seed(partitionSeed + index).build())
          .fit(flat, dimension);
      for (int c = 0; c < clusters; c++) {
        if (local.sizes()[c] > 0) {
          out.add(withWeight(local.centroid(c), local.sizes()[c]));
        }
      }
      return out.iterator();
    }, false).collect();
    double[] flat = new double[weighted.size() * dimension];
    double[] weights = new double[weighted.size()];
    for (int i = 0; i < weighted.size(); i++) {
      System.arraycopy(weighted.get(i), 0, flat, i * dimension, dimension);
      weights[i] = weighted.get(i)[dimension];
    }
    return WeightedKMeans.fit(flat, weights, dimension, k, seed, 300);
  }

  /** Step 3, one distributed Lloyd pass: per-cluster sums and counts and the SSE at {@code centres}. */
  private Pass pass(SparkSession spark, JavaRDD<double[]> points, double[] centres, int dimension) {
    int clusters = k;
    Broadcast<double[]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(centres);
    try {
      return points.mapPartitions(it -> {
        double[] c = shared.value();
        Pass partial = new Pass(clusters, dimension);
        while (it.hasNext()) {
          partial.add(it.next(), c, clusters, dimension);
        }
        return List.of(partial).iterator();
      }).reduce(Pass::merge);
    } finally {
      shared.destroy();
    }
  }

  private static double shift(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }

  private static double norm(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v * v;
    }
    return sum;
  }

  private static double[] withWeight(double[] point, double weight) {
    double[] out = new double[point.length + 1];
    System.arraycopy(point, 0, out, 0, point.length);
    out[point.length] = weight;
    return out;
  }

  /** A profile as a row value of an array column (Spark's row encoder takes Scala sequences, not Java lists). */
  static scala.collection.immutable.Seq<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(out).toList();
  }

  private static double[] toArray(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /**
   * The outcome.
   *
   * @param k the number of clusters
   * @param dimension values per profile
   * @param centroids the centres, row-major {@code k × dimension}
   * @param sse the sum of squared distances of every profile to its centre
   * @param passes the distributed refinement passes that ran
   * @param profiles how many profiles were clustered
   */
  public record Clustering(int k, int dimension, double[] centroids, double sse, int passes, long profiles)
      implements Serializable {

    /** The nearest centre to {@code profile}. */
    public int clusterOf(double[] profile) {
      return WeightedKMeans.nearest(profile, 0, centroids, k, dimension);
    }
  }

  /** Per-cluster sums, counts and the SSE of one pass; merged across partitions. */
  private static final class Pass implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] sums;
    private final long[] counts;
    private double sse;
    private long count;

    Pass(int k, int dimension) {
      sums = new double[k * dimension];
      counts = new long[k];
    }

    void add(double[] point, double[] centres, int k, int dimension) {
      int c = WeightedKMeans.nearest(point, 0, centres, k, dimension);
      sse += WeightedKMeans.distance(point, 0, centres, c, dimension);
      counts[c]++;
      count++;
      for (int j = 0; j < dimension; j++) {
        sums[c * dimension + j] += point[j];
      }
    }

    Pass merge(Pass other) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] += other.sums[i];
      }
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      sse += other.sse;
      count += other.count;
      return this;
    }

    /** The means of the clusters; an empty cluster keeps its centre. */
    double[] centres(double[] previous, int dimension, int k) {
      double[] out = previous.clone();
      for (int c = 0; c < k; c++) {
        if (counts[c] > 0) {
          for (int j = 0; j < dimension; j++) {
            out[c * dimension + j] = sums[c * dimension + j] / counts[c];
          }
        }
      }
      return out;
    }
  }
}
