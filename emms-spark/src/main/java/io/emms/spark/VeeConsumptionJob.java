package io.emms.spark;

import io.emms.analytics.consumption.ConsumptionCalculator;
import io.emms.analytics.consumption.ConsumptionConfig;
import io.emms.analytics.consumption.ConsumptionSeries;
import io.emms.analytics.consumption.IntervalConsumption;
import io.emms.analytics.vee.EstimatedSeries;
import io.emms.analytics.vee.Finding;
import io.emms.analytics.vee.IntervalData;
import io.emms.analytics.vee.VeeConfig;
import io.emms.analytics.vee.VeeEngine;
import io.emms.analytics.vee.VeeResult;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Job 1, VEE and consumption: per meter, register readings become interval consumption (exact decimals, across
 * rollovers; see {@link ConsumptionCalculator}), which is validated and estimated by {@link VeeEngine}. One task
 * handles one meter's whole series (a grouped map), so the result is the single-JVM result.
 *
 * <p>Output, one row per interval on the regular grid: {@code meter_id}, {@code ts} (interval start),
 * {@code energy} (kWh; null when it could not be estimated), {@code quality} ({@code VALID} or {@code ESTIMATED}…),
 * {@code rules} (the VEE rules that fired on the interval, comma-separated), {@code flags} (consumption flags such as
 * {@code ROLLOVER}). A meter whose series cannot be processed gives one row with a null {@code ts} and the reason
 * in {@code rules}, and the others go on.
 */
public final class VeeConsumptionJob implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The output schema. */
  public static final StructType SCHEMA = new StructType()
      .add(ReadingLayout.METER, DataTypes.StringType, false)
      .add(ReadingLayout.TIME, DataTypes.TimestampType, true)
      .add("energy", DataTypes.DoubleType, true)
      .add(ReadingLayout.QUALITY, DataTypes.StringType, true)
      .add("rules", DataTypes.StringType, false)
      .add("flags", DataTypes.StringType, false);

  private final VeeConfig vee;
  private final ConsumptionConfig consumption;
  private final Duration interval;

  /**
   * @param vee the validation rules and estimation settings
   * @param consumption the register's layout (rollover) and gap settings
   * @param interval the nominal interval between register readings, e.g. 15 minutes
   */
  public VeeConsumptionJob(VeeConfig vee, ConsumptionConfig consumption, Duration interval) {
    this.vee = Objects.requireNonNull(vee, "vee");
    this.consumption = Objects.requireNonNull(consumption, "consumption");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  /** Runs over register readings of one quantity, in {@link ReadingLayout}. */
  public Dataset<Row> run(Dataset<Row> registerReadings) {
    return registerReadings
        .select(ReadingLayout.METER, ReadingLayout.QUANTITY, ReadingLayout.TIME, ReadingLayout.VALUE,
            ReadingLayout.QUALITY)
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) this::meter, ExpressionEncoder.apply(SCHEMA));
  }

  /**
   * One meter's rows, as the job computes them; exposed so a caller can run the same code in one JVM.
   *
   * @param rows the meter's readings in {@link ReadingLayout}'s column order
   */
  public Iterator<Row> meter(String meterId, Iterator<Row> rows) {
    try {
      return process(meterId, readings(meterId, rows)).iterator();
    } catch (RuntimeException e) {
      return List.of(RowFactory.create(meterId, null, null, null, "FAILED: " + e.getMessage(), "")).iterator();
    }
  }

  private static List<Reading> readings(String meterId, Iterator<Row> rows) {
    Quantity register = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
    List<Reading> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      int v = ReadingLayout.VALUE_INDEX;
      if (!r.isNullAt(v)) {
        Timestamp ts = r.getTimestamp(ReadingLayout.TIME_INDEX);
        out.add(Reading.valid(meterId, register, BigDecimal.valueOf(r.getDouble(v)), ts.toInstant()));
      }
    }
    // Spark hands a group's rows in no particular order; the calculator flags input that is not in time order.
    out.sort(java.util.Comparator.comparing(Reading::timestamp));
    return out;
  }

  private List<Row> process(String meterId, List<Reading> readings) {
    ConsumptionSeries series = new ConsumptionCalculator(consumption).compute(readings, List.of());
    Map<Long, String> flags = new HashMap<>();
    for (IntervalConsumption c : series.intervals()) {
      if (!c.flags().isEmpty()) {
        flags.put(c.start().toEpochMilli(), String.join(",", new TreeSet<>(c.flags().stream().map(Enum::name)
            .toList())));
      }
    }
    IntervalData data = IntervalData.of(meterId, interval, series.startMillis(), series.energies());
    VeeEngine engine = new VeeEngine(vee);
    VeeResult result = engine.validate(data);
    Map<Long, TreeSet<String>> rules = new HashMap<>();
    for (Finding f : result.findings()) {
      if (f.timestamp() != null) {
        rules.computeIfAbsent(f.timestamp().toEpochMilli(), k -> new TreeSet<>()).add(f.rule().name());
      }
    }
    EstimatedSeries estimated = engine.estimate(data, result);
    long[] starts = estimated.startMillis();
    double[] values = estimated.values();
    Quality[] quality = estimated.quality();
    List<Row> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      TreeSet<String> fired = rules.get(starts[i]);
      out.add(RowFactory.create(meterId, new Timestamp(starts[i]), Double.isNaN(values[i]) ? null : values[i],
          quality[i].name(), fired == null ? "" : String.join(",", fired),
          flags.getOrDefault(starts[i], "")));
    }
    return out;
  }
}
