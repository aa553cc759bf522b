package io.emms.spark;

import io.emms.analytics.anomaly.Anomaly;
import io.emms.analytics.anomaly.AnomalyDetector;
import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.HampelDetector;
import io.emms.analytics.arma.ArimaFit;
import io.emms.analytics.arma.Forecast;
import io.emms.analytics.arma.OrderSearch;
import io.emms.analytics.arma.OrderSearchConfig;
import io.emms.analytics.arma.OrderSelection;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
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
 * Job 3, forecasts and anomalies: per meter (one task per meter's series), the interval energy is summed to the
 * forecast resolution, an ARMA order is searched ({@link OrderSearch#stepwise}), the best model forecasts the next
 * day with intervals, and the Hampel detector flags anomalous intervals. A meter whose series cannot be fitted (too
 * short, constant) is reported and skipped; the others go on.
 *
 * <p>Output rows: {@code kind} ({@code FORECAST}, {@code ANOMALY} or {@code FAILED}), {@code meter_id}, {@code ts},
 * {@code value} (forecast mean or the anomalous value), {@code lower} and {@code upper} (forecast interval),
 * {@code detail} (the model order, the detector and score, or why the meter failed).
 */
public final class ForecastJob implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The output schema. */
  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add(ReadingLayout.METER, DataTypes.StringType, false)
      .add(ReadingLayout.TIME, DataTypes.TimestampType, true)
      .add(ReadingLayout.VALUE, DataTypes.DoubleType, true)
      .add("lower", DataTypes.DoubleType, true)
      .add("upper", DataTypes.DoubleType, true)
      .add("detail", DataTypes.StringType, false);

  private final OrderSearchConfig search;
  private final Duration resolution;
  private final int horizon;
  private final HampelConfig hampel;

  /**
   * @param search the order search
   * @param resolution the series is summed to this step before fitting (e.g. 1 hour)
   * @param horizon the steps forecast (24 at hourly resolution: the next day)
   * @param hampel the anomaly detector's settings, run at the input's own resolution
   */
  public ForecastJob(OrderSearchConfig search, Duration resolution, int horizon, HampelConfig hampel) {
    this.search = Objects.requireNonNull(search, "search");
    this.resolution = Objects.requireNonNull(resolution, "resolution");
    this.hampel = Objects.requireNonNull(hampel, "hampel");
    if (horizon < 1 || resolution.isZero() || resolution.isNegative()) {
      throw new IllegalArgumentException("need horizon >= 1 and a positive resolution");
    }
    this.horizon = horizon;
  }

  /** Runs over interval energy in {@link ReadingLayout} ({@code ts} = interval start). */
  public Dataset<Row> run(Dataset<Row> intervalEnergy) {
    return intervalEnergy
        .select(ReadingLayout.METER, ReadingLayout.QUANTITY, ReadingLayout.TIME, ReadingLayout.VALUE,
            ReadingLayout.QUALITY)
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) this::meter, ExpressionEncoder.apply(SCHEMA));
  }

  /**
   * One meter's rows, as the job computes them; exposed so a caller can run the same code in one JVM.
   *
   * @param rows the meter's interval energy in {@link ReadingLayout}'s column order
   */
  public Iterator<Row> meter(String meterId, Iterator<Row> rows) {
    TreeMap<Long, Double> series = new TreeMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      int v = ReadingLayout.VALUE_INDEX;
      series.put(r.getTimestamp(ReadingLayout.TIME_INDEX).getTime(), r.isNullAt(v) ? Double.NaN
          : r.getDouble(v));
    }
    List<Row> out = new ArrayList<>();
    try {
      anomalies(meterId, series, out);
      forecast(meterId, series, out);
    } catch (RuntimeException e) {
      out.removeIf(row -> "FORECAST".equals(row.getString(0)));
      out.add(RowFactory.create("FAILED", meterId, null, null, null, null, String.valueOf(e.getMessage())));
    }
    return out.iterator();
  }

  private void anomalies(String meterId, TreeMap<Long, Double> series, List<Row> out) {
    long[] t = new long[series.size()];
    double[] x = new double[series.size()];
    int i = 0;
    for (var e : series.entrySet()) {
      t[i] = e.getKey();
      x[i++] = e.getValue();
    }
    AnomalyDetector detector = new HampelDetector(hampel);
    for (Anomaly a : detector.detect(t, x)) {
      out.add(RowFactory.create("ANOMALY", meterId, new Timestamp(a.epochMillis()), a.value(), null, null,
          detector.name() + " score " + a.score()));
    }
  }

  private void forecast(String meterId, TreeMap<Long, Double> series, List<Row> out) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no readings");
    }
    long step = resolution.toMillis();
    long first = Math.floorDiv(series.firstKey(), step) * step;
    int n = (int) ((Math.floorDiv(series.lastKey(), step) * step - first) / step) + 1;
    double[] y = new double[n];
    boolean[] seen = new boolean[n];
    for (var e : series.entrySet()) {
      int slot = (int) ((e.getKey() - first) / step);
      if (!Double.isNaN(e.getValue())) {
        y[slot] += e.getValue();
        seen[slot] = true;
      }
    }
    for (int s = 0; s < n; s++) {
      y[s] = seen[s] ? y[s] : Double.NaN;
    }
    int observed = 0;
    for (boolean s : seen) {
      observed += s ? 1 : 0;
    }
    if (observed < 2 * horizon) {
      throw new IllegalArgumentException("only " + observed + " values at " + resolution + "; a forecast of "
          + horizon + " steps needs at least " + 2 * horizon);
    }
    OrderSelection selection = OrderSearch.stepwise(y, search);
    ArimaFit best = selection.best();
    Forecast f = best.model().forecast(y, horizon);
    long next = first + n * step;
    double[] mean = f.mean();
    double[] lower = f.lower();
    double[] upper = f.upper();
    String model = selection.order() + (selection.mean() ? " with mean" : "");
    for (int h = 0; h < horizon; h++) {
      out.add(RowFactory.create("FORECAST", meterId, new Timestamp(next + h * step), mean[h], lower[h], upper[h],
          model));
    }
  }
}
