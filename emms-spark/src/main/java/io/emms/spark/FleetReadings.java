package io.emms.spark;

import static org.apache.spark.sql.functions.col;

import io.emms.spark.internal.MariaDbDialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;

/** Where the jobs read meter readings from: Parquet or CSV exports, or the server's database over JDBC. */
public final class FleetReadings {

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  static {
    JdbcDialects.registerDialect(new MariaDbDialect());
  }

  private FleetReadings() {}

  /** Readings from Parquet files in {@link ReadingLayout}. */
  public static Dataset<Row> parquet(SparkSession spark, String path) {
    return conform(spark.read().parquet(path));
  }

  /** Readings from CSV files with a header line, in {@link ReadingLayout}, times in ISO-8601 UTC. */
  public static Dataset<Row> csv(SparkSession spark, String path) {
    return spark.read().option("header", "true").option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSS]X")
        .schema(ReadingLayout.SCHEMA).csv(path);
  }

  /**
   * Readings of one quantity in {@code [from, to)} from a MySQL-protocol database (MySQL 8, MariaDB, TiDB) over
   * JDBC, read by {@code partitions} tasks at once: each task asks for the meters whose {@code CRC32(meter_id)}
   * falls in its share, so the database filters by meter range and time (predicate push-down) and no task reads
   * another's rows.
   */
  public static Dataset<Row> jdbc(SparkSession spark, JdbcSource source) {
    Objects.requireNonNull(source, "source");
    String[] predicates = new String[source.partitions()];
    String window = String.format("%s = '%s' AND %s >= '%s' AND %s < '%s'", ReadingLayout.QUANTITY,
        source.quantity(), ReadingLayout.TIME, SQL_TIME.format(source.from()), ReadingLayout.TIME,
        SQL_TIME.format(source.to()));
    for (int i = 0; i < predicates.length; i++) {
      predicates[i] = String.format("MOD(CRC32(%s), %d) = %d AND %s", ReadingLayout.METER, predicates.length, i,
          window);
    }
    Properties properties = new Properties();
    properties.setProperty("user", source.user());
    properties.setProperty("password", source.password());
    properties.setProperty("fetchsize", "10000");
    return conform(spark.read().jdbc(source.url(), source.table(), predicates, properties));
  }

  /** Casts whatever numeric and time types a source has to the layout's. */
  private static Dataset<Row> conform(Dataset<Row> raw) {
    return raw.select(col(ReadingLayout.METER), col(ReadingLayout.QUANTITY),
        col(ReadingLayout.TIME).cast(DataTypes.TimestampType).as(ReadingLayout.TIME),
        col(ReadingLayout.VALUE).cast(DataTypes.DoubleType).as(ReadingLayout.VALUE), col(ReadingLayout.QUALITY));
  }

  /**
   * A readings table reached over JDBC.
   *
   * @param url the JDBC URL, e.g. {@code jdbc:mariadb://127.0.0.1:3306/emms}
   * @param table the table in {@link ReadingLayout} (the server's is {@code reading})
   * @param user the database user
   * @param password the user's password
   * @param quantity the quantity to read, e.g. {@code ACTIVE_ENERGY_IMPORT}
   * @param from the first instant read
   * @param to the instant after the last one read
   * @param partitions how many tasks read at once, at least 1
   */
  public record JdbcSource(String url, String table, String user, String password, String quantity, Instant from,
      Instant to, int partitions) {

    /** Checks the fields; table and quantity must be plain names, since they are written into SQL. */
    public JdbcSource {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (table == null || !PLAIN_NAME.matcher(table).matches()) {
        throw new IllegalArgumentException("table must be a plain name, got " + table);
      }
      if (quantity == null || !PLAIN_NAME.matcher(quantity).matches()) {
        throw new IllegalArgumentException("quantity must be a plain name, got " + quantity);
      }
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("to must be after from");
      }
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
      }
    }
  }
}
