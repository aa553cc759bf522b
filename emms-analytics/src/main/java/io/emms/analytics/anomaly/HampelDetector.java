package io.emms.analytics.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Batch Hampel filter over the centred window of 2k + 1 points (missing points are left out of the window). */
public final class HampelDetector implements AnomalyDetector {

  private final HampelConfig config;

  public HampelDetector(HampelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "hampel";
  }

  @Override
  public List<Anomaly> detect(long[] epochMillis, double[] values) {
    SeriesArguments.check(epochMillis, values);
    int k = config.halfWindow();
    double[] window = new double[2 * k + 1];
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        continue;
      }
      int n = 0;
      for (int j = Math.max(0, i - k); j <= Math.min(values.length - 1, i + k); j++) {
        if (!Double.isNaN(values[j])) {
          window[n++] = values[j];
        }
      }
      if (n < 3) {
        continue;
      }
      double median = Medians.medianInPlace(window, n);
      double sigma = Math.max(HampelConfig.MAD_TO_SIGMA * Medians.madInPlace(window, n, median), config.minSigma());
      double score = Math.abs(values[i] - median) / sigma;
      if (score > config.threshold()) {
        out.add(new Anomaly(name(), i, epochMillis[i], values[i], median, score, config.threshold()));
      }
    }
    return out;
  }
}
