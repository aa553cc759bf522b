package io.emms.spark;

import io.emms.analytics.anomaly.evaluation.SyntheticLoad;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** A small generated fleet in {@link ReadingLayout}: register readings and interval energy of a few meters. */
final class SparkTestFleet {

  static final long STEP = 15 * 60_000L;
  static final int DAYS = 21;
  static final String ROLLING = "m-rollover";
  static final String GAPPY = "m-gap";
  static final String FLAT = "m-flat";
  /** A meter installed on the last day: too little data for a forecast. */
  static final String SHORT = "m-short";
  /** Register intervals 500..507 of the gappy meter are not read. */
  static final int GAP_FROM = 500;
  static final int GAP_TO = 508;

  private SparkTestFleet() {}

  static List<String> meters() {
    List<String> ids = new ArrayList<>(List.of(ROLLING, GAPPY, FLAT, SHORT));
    for (int i = 0; i < 9; i++) {
      ids.add("m-" + i);
    }
    return ids;
  }

  /** True interval energy of a meter (kWh per quarter hour), rounded to the register's 0.01 kWh. */
  static double[] energy(String meter) {
    if (meter.equals(FLAT)) {
      double[] x = new double[DAYS * 96];
      java.util.Arrays.fill(x, 0.25);
      return x;
    }
    double[] x = SyntheticLoad.clean(DAYS, meter.hashCode());
    for (int i = 0; i < x.length; i++) {
      x[i] = BigDecimal.valueOf(x[i]).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
    if (meter.equals(SHORT)) {
      java.util.Arrays.fill(x, 0, (DAYS - 1) * 96, Double.NaN);
    }
    return x;
  }

  /** Cumulative register readings at each interval end; the rolling meter passes 999 999.99 kWh. */
  static List<Row> registerRows() {
    List<Row> rows = new ArrayList<>();
    for (String meter : meters()) {
      double[] e = energy(meter);
      BigDecimal register = meter.equals(ROLLING) ? new BigDecimal("999950.00") : new BigDecimal("1200.00");
      rows.add(row(meter, SyntheticLoad.START, register.doubleValue()));
      for (int i = 0; i < e.length; i++) {
        if (Double.isNaN(e[i])) {
          continue;
        }
        register = register.add(BigDecimal.valueOf(e[i])).remainder(new BigDecimal("1000000"));
        if (meter.equals(GAPPY) && i >= GAP_FROM && i < GAP_TO) {
          continue;
        }
        rows.add(row(meter, SyntheticLoad.START + (i + 1) * STEP, register.doubleValue()));
      }
    }
    return rows;
  }

  /** Interval energy rows (ts = interval start). */
  static List<Row> intervalRows() {
    List<Row> rows = new ArrayList<>();
    for (String meter : meters()) {
      double[] e = energy(meter);
      for (int i = 0; i < e.length; i++) {
        if (Double.isNaN(e[i])) {
          continue;
        }
        rows.add(row(meter, SyntheticLoad.START + i * STEP, e[i]));
      }
    }
    return rows;
  }

  private static Row row(String meter, long millis, double value) {
    return RowFactory.create(meter, "ACTIVE_ENERGY_IMPORT", new Timestamp(millis), value, "VALID");
  }
}
