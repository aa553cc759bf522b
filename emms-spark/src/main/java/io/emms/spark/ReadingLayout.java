package io.emms.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The column layout of meter readings that every job reads — the same as the reference server's {@code reading}
 * table and its Parquet/CSV exports: {@code meter_id} (string), {@code quantity} (string, e.g.
 * {@code ACTIVE_ENERGY_IMPORT}), {@code ts} (timestamp, UTC), {@code value} (double; null when missing),
 * {@code quality} (string, e.g. {@code VALID}).
 */
public final class ReadingLayout {

  /** The meter's id. */
  public static final String METER = "meter_id";
  /** The quantity's name. */
  public static final String QUANTITY = "quantity";
  /** When the value was measured (for interval energy: the start of the interval). */
  public static final String TIME = "ts";
  /** The value. */
  public static final String VALUE = "value";
  /** The value's quality. */
  public static final String QUALITY = "quality";

  /** Where {@link #TIME} stands in a row of {@link #SCHEMA}. */
  public static final int TIME_INDEX = 2;
  /** Where {@link #VALUE} stands in a row of {@link #SCHEMA}. */
  public static final int VALUE_INDEX = 3;

  /** The schema of a readings data set. */
  public static final StructType SCHEMA = new StructType()
      .add(METER, DataTypes.StringType, false)
      .add(QUANTITY, DataTypes.StringType, false)
      .add(TIME, DataTypes.TimestampType, false)
      .add(VALUE, DataTypes.DoubleType, true)
      .add(QUALITY, DataTypes.StringType, false);

  private ReadingLayout() {}
}
