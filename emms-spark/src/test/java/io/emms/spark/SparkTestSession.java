package io.emms.spark;

import org.apache.spark.sql.SparkSession;

/** A local[2] Spark session for tests: no UI, few shuffle partitions, loopback only. */
final class SparkTestSession {

  private SparkTestSession() {}

  static SparkSession start() {
    return SparkSession.builder().master("local[2]").appName("emms-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
