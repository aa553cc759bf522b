package io.emms.analytics.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Batch z-score: mean and standard deviation of the whole series (Welford), flag |z| above the threshold. */
public final class ZScoreDetector implements AnomalyDetector {

  private final ZScoreConfig config;

  public ZScoreDetector(ZScoreConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "zscore";
  }

  @Override
  public List<Anomaly> detect(long[] epochMillis, double[] values) {
    SeriesArguments.check(epochMillis, values);
    Welford w = new Welford();
    for (double v : values) {
      if (!Double.isNaN(v)) {
        w.add(v);
      }
    }
    List<Anomaly> out = new ArrayList<>();
    double sd = w.sd();
    if (w.count() < 2 || !(sd > 0)) {
      return out;
    }
    for (int i = 0; i < values.length; i++) {
      double z = Math.abs(values[i] - w.mean()) / sd;
      if (z > config.threshold()) {
        out.add(new Anomaly(name(), i, epochMillis[i], values[i], w.mean(), z, config.threshold()));
      }
    }
    return out;
  }
}
