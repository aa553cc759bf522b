package io.emms.spark;

import static org.apache.spark.sql.functions.col;

import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.arma.OrderSearchConfig;
import io.emms.analytics.consumption.ConsumptionConfig;
import io.emms.analytics.profile.Normalisation;
import io.emms.analytics.profile.ProfileConfig;
import io.emms.analytics.vee.VeeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code spark-submit} entry point of the fleet jobs:
 *
 * <pre>
 * spark-submit --class io.emms.spark.SparkJobs emms-spark.jar JOB --input SOURCE --output DIR [options]
 *   JOB      vee | cluster | forecast | export
 *   SOURCE   parquet:PATH | csv:PATH | jdbc:URL (with --table, --user, --password-file, --quantity, --from,
 *            --to, --partitions)
 *   options  --quantity NAME (default ACTIVE_ENERGY_IMPORT), --interval PT15M, --k 8, --seed 1,
 *            --resolution PT1H, --horizon 24
 * </pre>
 *
 * Every job writes Parquet under {@code DIR}; {@code export} copies the readings of the source unchanged (the
 * documented layout, {@link ReadingLayout}), so a nightly export from the server's database feeds the other jobs.
 */
public final class SparkJobs {

  private SparkJobs() {}

  /** Runs one job; exits non-zero with a one-line message on a bad argument. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      fail("usage: JOB --input SOURCE --output DIR [options]; JOB is vee, cluster, forecast or export");
    }
    Map<String, String> options = options(args);
    SparkSession spark = SparkSession.builder().appName("emms-" + args[0]).getOrCreate();
    try {
      run(spark, args[0], options);
    } finally {
      spark.stop();
    }
  }

  /** Runs {@code job} with {@code options} (names without the leading dashes) on {@code spark}. */
  public static void run(SparkSession spark, String job, Map<String, String> options) throws IOException {
    String output = required(options, "output");
    String quantity = options.getOrDefault("quantity", "ACTIVE_ENERGY_IMPORT");
    Dataset<Row> readings = source(spark, options, quantity).filter(col(ReadingLayout.QUANTITY).equalTo(quantity));
    Duration interval = Duration.parse(options.getOrDefault("interval", "PT15M"));
    switch (job) {
      case "export" -> readings.write().mode(SaveMode.Overwrite).parquet(output);
      case "vee" -> new VeeConsumptionJob(VeeConfig.defaults(), ConsumptionConfig.defaults(), interval)
          .run(readings).write().mode(SaveMode.Overwrite).parquet(output);
      case "cluster" -> cluster(spark, readings, options, output);
      case "forecast" -> new ForecastJob(OrderSearchConfig.builder().maxP(2).maxQ(2).build(),
          Duration.parse(options.getOrDefault("resolution", "PT1H")),
          Integer.parseInt(options.getOrDefault("horizon", "24")), HampelConfig.DEFAULT)
          .run(readings).write().mode(SaveMode.Overwrite).parquet(output);
      default -> fail("unknown job " + job + "; use vee, cluster, forecast or export");
    }
  }

  private static void cluster(SparkSession spark, Dataset<Row> readings, Map<String, String> options,
      String output) {
    ProfileConfig profiles = ProfileConfig.builder(ZoneOffset.UTC).normalisation(Normalisation.SUM).build();
    ProfileClusterJob job = new ProfileClusterJob(profiles, Integer.parseInt(options.getOrDefault("k", "8")),
        Long.parseLong(options.getOrDefault("seed", "1")), 20, 1e-6);
    Dataset<Row> daily = job.profiles(readings).cache();
    ProfileClusterJob.Clustering clustering = job.cluster(spark, daily);
    job.assignments(daily, clustering).write().mode(SaveMode.Overwrite).parquet(output + "/assignments");
    List<Row> centres = new ArrayList<>();
    for (int c = 0; c < clustering.k(); c++) {
      double[] centre = java.util.Arrays.copyOfRange(clustering.centroids(), c * clustering.dimension(),
          (c + 1) * clustering.dimension());
      centres.add(RowFactory.create(c, ProfileClusterJob.toList(centre)));
    }
    StructType schema = new StructType().add("cluster", DataTypes.IntegerType, false)
        .add("centroid", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    spark.createDataFrame(centres, schema).write().mode(SaveMode.Overwrite).parquet(output + "/centroids");
    daily.unpersist();
  }

  private static Dataset<Row> source(SparkSession spark, Map<String, String> options, String quantity)
      throws IOException {
    String input = required(options, "input");
    if (input.startsWith("parquet:")) {
      return FleetReadings.parquet(spark, input.substring("parquet:".length()));
    }
    if (input.startsWith("csv:")) {
      return FleetReadings.csv(spark, input.substring("csv:".length()));
    }
    if (input.startsWith("jdbc:")) {
      String password = Files.readString(Path.of(required(options, "password-file")), StandardCharsets.UTF_8)
          .strip();
      return FleetReadings.jdbc(spark, new FleetReadings.JdbcSource(input, options.getOrDefault("table", "reading"),
          required(options, "user"), password, quantity, Instant.parse(required(options, "from")),
          Instant.parse(required(options, "to")), Integer.parseInt(options.getOrDefault("partitions", "8"))));
    }
    throw fail("--input must start with parquet:, csv: or jdbc:, got " + input);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail("options come as --name value pairs; " + args[i] + " has no value");
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      fail("--" + name + " is required");
    }
    return value;
  }

  private static IllegalArgumentException fail(String message) {
    throw new IllegalArgumentException(message);
  }
}
