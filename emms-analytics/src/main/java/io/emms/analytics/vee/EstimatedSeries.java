package io.emms.analytics.vee;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Interval data on a regular grid after estimation. Each value carries its own quality: {@code VALID} for
 * actual readings, {@code ESTIMATED} for filled-in values, {@code NO_DATA} (value NaN) where nothing could be
 * estimated — so estimates are never mixed silently with actuals.
 */
public record EstimatedSeries(String meterId, long[] startMillis, double[] values, Quality[] quality) {

  /** Checks the components (see the class description for their meaning). */
  public EstimatedSeries {
    Objects.requireNonNull(meterId, "meterId");
    startMillis = startMillis.clone();
    values = values.clone();
    quality = quality.clone();
    if (values.length != startMillis.length || quality.length != startMillis.length) {
      throw new IllegalArgumentException("arrays differ in length");
    }
  }

  public int size() {
    return startMillis.length;
  }

  /** How many values were estimated. */
  public int estimatedCount() {
    return (int) Arrays.stream(quality).filter(q -> q == Quality.ESTIMATED).count();
  }

  @Override
  public long[] startMillis() {
    return startMillis.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public Quality[] quality() {
    return quality.clone();
  }

  /** As core readings of the given quantity, each with its quality (values without a value stay null). */
  public List<Reading> toReadings(Quantity quantity) {
    List<Reading> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      Instant at = Instant.ofEpochMilli(startMillis[i]);
      out.add(quality[i].hasValue()
          ? new Reading(meterId, quantity, BigDecimal.valueOf(values[i]), at, quality[i])
          : Reading.missing(meterId, quantity, at, quality[i]));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EstimatedSeries s && meterId.equals(s.meterId) && Arrays.equals(startMillis, s.startMillis)
        && Arrays.equals(values, s.values) && Arrays.equals(quality, s.quality);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meterId, Arrays.hashCode(startMillis), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "EstimatedSeries[" + meterId + ", " + size() + " values, " + estimatedCount() + " estimated]";
  }
}
