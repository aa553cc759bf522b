package io.emms.spark;

import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.evaluation.SyntheticLoad;
import io.emms.analytics.arma.OrderSearchConfig;
import io.emms.analytics.consumption.ConsumptionConfig;
import io.emms.analytics.profile.Normalisation;
import io.emms.analytics.profile.ProfileConfig;
import io.emms.analytics.vee.VeeConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;

/**
 * The fleet benchmark of docs/benchmarks.md, run by hand (not a test):
 * {@code ./mvnw -q -pl emms-spark -am test-compile} then the command printed in that document. Generates
 * {@code meters × days} of 15-minute register readings and interval energy into Parquet, then times each job with
 * the master given, our k-means against MLlib's on the same profiles, and the jobs' per-meter code called directly
 * in one JVM on a sample, for Spark's overhead.
 */
public final class SparkFleetBenchmark {

  private SparkFleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int meters = Integer.parseInt(args[0]);
    int days = Integer.parseInt(args[1]);
    String master = args[2];
    Path dir = Path.of(args[3]);
    SparkSession spark = SparkSession.builder().master(master).appName("emms-fleet-benchmark")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(4 * cores(master)))
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      generate(spark, meters, days, dir);
      double meterDays = (double) meters * days;
      Dataset<Row> register = FleetReadings.parquet(spark, dir.resolve("register").toString());
      Dataset<Row> energy = FleetReadings.parquet(spark, dir.resolve("energy").toString());

      long t0 = System.nanoTime();
      new VeeConsumptionJob(VeeConfig.defaults(), ConsumptionConfig.defaults(), Duration.ofMinutes(15)).run(register)
          .write().mode(SaveMode.Overwrite).parquet(dir.resolve("out-vee").toString());
      report("vee+consumption", master, meterDays, t0);

      ProfileClusterJob cluster = new ProfileClusterJob(
          ProfileConfig.builder(ZoneOffset.UTC).normalisation(Normalisation.SUM).build(), 8, 1, 20, 1e-6);
      t0 = System.nanoTime();
      Dataset<Row> profiles = cluster.profiles(energy).cache();
      long count = profiles.count();
      report("daily profiles", master, meterDays, t0);
      t0 = System.nanoTime();
      ProfileClusterJob.Clustering ours = cluster.cluster(spark, profiles);
      double oursSeconds = (System.nanoTime() - t0) / 1e9;
      StructType vectorSchema = new StructType().add("features", new VectorUDT(), false);
      Dataset<Row> vectors = profiles.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
        List<Double> p = r.getList(2);
        return RowFactory.create(Vectors.dense(p.stream().mapToDouble(Double::doubleValue).toArray()));
      }, ExpressionEncoder.apply(vectorSchema)).cache();
      vectors.count();
      t0 = System.nanoTime();
      KMeansModel mllib = new org.apache.spark.ml.clustering.KMeans().setK(8).setSeed(1).setMaxIter(300)
          .setTol(1e-6).fit(vectors);
      double mllibSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "k-means %s: %d profiles, k=8: ours %.2f s SSE %.6f (%d passes);"
          + " MLlib %.2f s SSE %.6f%n", master, count, oursSeconds, ours.sse(), ours.passes(), mllibSeconds,
          mllib.summary().trainingCost());
      profiles.unpersist();
      vectors.unpersist();

      t0 = System.nanoTime();
      new ForecastJob(OrderSearchConfig.builder().maxP(2).maxQ(2).build(), Duration.ofHours(1), 24,
          HampelConfig.DEFAULT).run(energy).write().mode(SaveMode.Overwrite)
          .parquet(dir.resolve("out-forecast").toString());
      report("forecast+anomalies", master, meterDays, t0);
    } finally {
      spark.stop();
    }
  }

  private static int cores(String master) {
    String n = master.replaceAll("\\D", "");
    return n.isEmpty() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
  }

  private static void report(String job, String master, double meterDays, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(Locale.ROOT, "%s %s: %.1f s, %.0f meter-days/s%n", job, master, seconds, meterDays / seconds);
  }

  /** Writes the fleet once; a second run with the same sizes reuses it. */
  private static void generate(SparkSession spark, int meters, int days, Path dir) throws Exception {
    Path marker = dir.resolve("fleet-" + meters + "x" + days);
    if (Files.exists(marker)) {
      return;
    }
    Dataset<Long> ids = spark.range(meters).as(org.apache.spark.sql.Encoders.LONG());
    ids.flatMap((FlatMapFunction<Long, Row>) m -> rows(m, days, true), ExpressionEncoder.apply(ReadingLayout.SCHEMA))
        .write().mode(SaveMode.Overwrite).parquet(dir.resolve("register").toString());
    ids.flatMap((FlatMapFunction<Long, Row>) m -> rows(m, days, false), ExpressionEncoder.apply(ReadingLayout.SCHEMA))
        .write().mode(SaveMode.Overwrite).parquet(dir.resolve("energy").toString());
    Files.createDirectories(dir);
    Files.writeString(marker, "");
  }

  private static Iterator<Row> rows(long meter, int days, boolean register) {
    double[] e = SyntheticLoad.clean(days, meter);
    List<Row> out = new ArrayList<>(e.length + 1);
    String id = String.format(Locale.ROOT, "m%07d", meter);
    BigDecimal total = BigDecimal.valueOf(1000 + meter % 5000);
    long step = 15 * 60_000L;
    for (int i = 0; i < e.length; i++) {
      BigDecimal interval = BigDecimal.valueOf(e[i]).setScale(2, RoundingMode.HALF_UP);
      if (register) {
        total = total.add(interval);
        out.add(RowFactory.create(id, "ACTIVE_ENERGY_IMPORT", new Timestamp(SyntheticLoad.START + (i + 1) * step),
            total.doubleValue(), "VALID"));
      } else {
        out.add(RowFactory.create(id, "ACTIVE_ENERGY_IMPORT", new Timestamp(SyntheticLoad.START + i * step),
            interval.doubleValue(), "VALID"));
      }
    }
    return out.iterator();
  }
}
