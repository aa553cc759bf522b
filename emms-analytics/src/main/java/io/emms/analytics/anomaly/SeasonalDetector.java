package io.emms.analytics.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Batch seasonal-residual detector: the profile of each (slot, day type) bucket is the median of its values and
 * its spread 1.4826 × MAD, both robust to the anomalies being looked for; score = |x − median| / spread.
 */
public final class SeasonalDetector implements AnomalyDetector {

  private final SeasonalConfig config;

  public SeasonalDetector(SeasonalConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "seasonal";
  }

  @Override
  public List<Anomaly> detect(long[] epochMillis, double[] values) {
    SeriesArguments.check(epochMillis, values);
    SeasonalBuckets buckets = new SeasonalBuckets(config);
    int[] bucketOf = new int[values.length];
    int[] counts = new int[buckets.count()];
    for (int i = 0; i < values.length; i++) {
      bucketOf[i] = buckets.bucket(epochMillis[i]);
      if (!Double.isNaN(values[i])) {
        counts[bucketOf[i]]++;
      }
    }
    double[][] members = new double[counts.length][];
    for (int b = 0; b < counts.length; b++) {
      members[b] = new double[counts[b]];
    }
    int[] fill = new int[counts.length];
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        members[bucketOf[i]][fill[bucketOf[i]]++] = values[i];
      }
    }
    double[] median = new double[counts.length];
    double[] sigma = new double[counts.length];
    for (int b = 0; b < counts.length; b++) {
      double[] m = members[b];
      median[b] = m.length == 0 ? Double.NaN : Medians.medianInPlace(sorted(m), m.length);
      sigma[b] = m.length == 0 ? Double.NaN
          : Math.max(HampelConfig.MAD_TO_SIGMA * Medians.madInPlace(m, m.length, median[b]), config.minSigma());
    }
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int b = bucketOf[i];
      if (Double.isNaN(values[i]) || counts[b] < config.minSamples()) {
        continue;
      }
      double score = Math.abs(values[i] - median[b]) / sigma[b];
      if (score > config.threshold()) {
        out.add(new Anomaly(name(), i, epochMillis[i], values[i], median[b], score, config.threshold()));
      }
    }
    return out;
  }

  private static double[] sorted(double[] m) {
    Arrays.sort(m); // large buckets: O(n log n) instead of the insertion sort meant for small windows
    return m;
  }
}
