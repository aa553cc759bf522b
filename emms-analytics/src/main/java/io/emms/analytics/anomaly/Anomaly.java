package io.emms.analytics.anomaly;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A flagged point and why it was flagged.
 *
 * @param detector the detector's name ("zscore", "hampel", "seasonal", "arma")
 * @param index position in the series
 * @param epochMillis timestamp of the point
 * @param value the observed value
 * @param expected what the detector expected (mean, median, profile value or prediction)
 * @param score the standardised distance of value from expected
 * @param threshold the score above which a point is flagged
 */
public record Anomaly(String detector, int index, long epochMillis, double value, double expected, double score,
    double threshold) {

  public Anomaly {
    Objects.requireNonNull(detector, "detector");
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(epochMillis);
  }

  /** One sentence naming the value, the expectation, the score and the threshold. */
  public String reason() {
    return String.format(Locale.ROOT, "%s: value %.4g vs expected %.4g, score %.2f beyond %.2f", detector, value,
        expected, score, threshold);
  }
}
