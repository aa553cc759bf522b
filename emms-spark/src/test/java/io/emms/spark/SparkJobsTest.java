package io.emms.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.evaluation.SyntheticLoad;
import io.emms.analytics.arma.Forecast;
import io.emms.analytics.arma.OrderSearch;
import io.emms.analytics.arma.OrderSearchConfig;
import io.emms.analytics.arma.OrderSelection;
import io.emms.analytics.cluster.KMeans;
import io.emms.analytics.cluster.KMeansConfig;
import io.emms.analytics.consumption.ConsumptionConfig;
import io.emms.analytics.profile.Normalisation;
import io.emms.analytics.profile.ProfileConfig;
import io.emms.analytics.vee.VeeConfig;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three jobs on local[2] against the single-JVM emms-analytics results for the same meters. */
class SparkJobsTest {

  static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private static Dataset<Row> frame(List<Row> rows) {
    return spark.createDataFrame(rows, ReadingLayout.SCHEMA).repartition(3);
  }

  @Test
  void veeJobCarriesConsumptionAcrossARolloverAndEstimatesAGap() {
    VeeConsumptionJob job = new VeeConsumptionJob(VeeConfig.defaults(), ConsumptionConfig.defaults(),
        Duration.ofMinutes(15));
    List<Row> out = job.run(frame(SparkTestFleet.registerRows())).collectAsList();
    Map<String, List<Row>> byMeter = out.stream().collect(Collectors.groupingBy(r -> r.getString(0)));

    assertThat(byMeter).containsOnlyKeys(SparkTestFleet.meters());
    assertThat(out).noneMatch(r -> r.getString(4).startsWith("FAILED"));
    double[] truth = SparkTestFleet.energy(SparkTestFleet.ROLLING);
    List<Row> rolling = sorted(byMeter.get(SparkTestFleet.ROLLING));
    assertThat(rolling).hasSize(truth.length);
    for (int i = 0; i < truth.length; i++) {
      assertThat(rolling.get(i).getDouble(2)).as("interval %d", i).isCloseTo(truth[i], within(1e-9));
    }
    assertThat(rolling).anyMatch(r -> r.getString(5).contains("ROLLOVER"));

    List<Row> gappy = sorted(byMeter.get(SparkTestFleet.GAPPY));
    assertThat(gappy.stream().filter(r -> r.getString(3).equals("ESTIMATED")).count()).isPositive();
    // The same code in one JVM, without Spark, gives the same rows.
    List<Row> local = sorted(iterate(job.meter(SparkTestFleet.GAPPY,
        SparkTestFleet.registerRows().stream().filter(r -> r.getString(0).equals(SparkTestFleet.GAPPY)).iterator())));
    assertThat(gappy).isEqualTo(local);
  }

  @Test
  void clusteringReachesTheSingleJvmSseAndMllibs() {
    ProfileConfig config = ProfileConfig.builder(ZoneOffset.UTC).normalisation(Normalisation.SUM).build();
    ProfileClusterJob job = new ProfileClusterJob(config, 4, 7, 30, 1e-9);
    Dataset<Row> profiles = job.profiles(frame(SparkTestFleet.intervalRows())).cache();
    ProfileClusterJob.Clustering spark4 = job.cluster(spark, profiles);

    List<Row> rows = profiles.collectAsList();
    double[] flat = new double[rows.size() * 96];
    for (int i = 0; i < rows.size(); i++) {
      List<Double> p = rows.get(i).getList(2);
      for (int j = 0; j < 96; j++) {
        flat[i * 96 + j] = p.get(j);
      }
    }
    double single = new KMeans(KMeansConfig.builder(4).seed(7).nInit(4).build()).fit(flat, 96).sse();
    double mllib = mllibSse(rows, 4);

    assertThat(spark4.profiles()).isEqualTo(rows.size());
    assertThat(rows.size()).isBetween((SparkTestFleet.meters().size() - 1) * SparkTestFleet.DAYS,
        SparkTestFleet.meters().size() * SparkTestFleet.DAYS);
    assertThat(spark4.sse()).isLessThanOrEqualTo(single * 1.01);
    assertThat(spark4.sse()).isLessThanOrEqualTo(mllib * 1.01);
    assertThat(job.assignments(profiles, spark4).collectAsList()).hasSize(rows.size());
    profiles.unpersist();
  }

  @Test
  void forecastJobEqualsTheSingleJvmFitAndReportsAMeterItCannotFit() {
    OrderSearchConfig search = OrderSearchConfig.builder().maxP(2).maxQ(2).build();
    ForecastJob job = new ForecastJob(search, Duration.ofHours(1), 24, HampelConfig.DEFAULT);
    List<Row> out = job.run(frame(SparkTestFleet.intervalRows())).collectAsList();

    String meter = "m-3";
    double[] e = SparkTestFleet.energy(meter);
    double[] hourly = new double[e.length / 4];
    for (int i = 0; i < e.length; i++) {
      hourly[i / 4] += e[i];
    }
    OrderSelection selection = OrderSearch.stepwise(hourly, search);
    Forecast expected = selection.best().model().forecast(hourly, 24);
    List<Row> forecast = sorted(out.stream().filter(r -> r.getString(0).equals("FORECAST")
        && r.getString(1).equals(meter)).toList(), 2);
    assertThat(forecast).hasSize(24);
    for (int h = 0; h < 24; h++) {
      assertThat(forecast.get(h).getDouble(3)).isEqualTo(expected.mean()[h]);
      assertThat(forecast.get(h).getDouble(4)).isEqualTo(expected.lower()[h]);
      assertThat(forecast.get(h).getDouble(5)).isEqualTo(expected.upper()[h]);
      assertThat(forecast.get(h).getTimestamp(2).getTime())
          .isEqualTo(SyntheticLoad.START + (hourly.length + h) * 3_600_000L);
    }
    assertThat(out).filteredOn(r -> r.getString(0).equals("FAILED")).extracting(r -> r.getString(1))
        .containsExactly(SparkTestFleet.SHORT);
    assertThat(out).filteredOn(r -> r.getString(0).equals("FORECAST")).extracting(r -> r.getString(1))
        .doesNotContain(SparkTestFleet.SHORT).contains(SparkTestFleet.FLAT);
  }

  private static double mllibSse(List<Row> profiles, int k) {
    StructType schema = new StructType().add("features", new VectorUDT(), false);
    List<Row> vectors = profiles.stream().map(r -> {
      List<Double> p = r.getList(2);
      return RowFactory.create(Vectors.dense(p.stream().mapToDouble(Double::doubleValue).toArray()));
    }).toList();
    KMeansModel model = new org.apache.spark.ml.clustering.KMeans().setK(k).setSeed(7).setMaxIter(300).setTol(1e-9)
        .fit(spark.createDataFrame(vectors, schema));
    return model.summary().trainingCost();
  }

  private static List<Row> iterate(java.util.Iterator<Row> it) {
    List<Row> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static List<Row> sorted(List<Row> rows) {
    return sorted(rows, 1);
  }

  private static List<Row> sorted(List<Row> rows, int timeField) {
    return rows.stream().sorted(java.util.Comparator.comparing(r -> r.getTimestamp(timeField))).toList();
  }
}
