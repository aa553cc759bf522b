package io.emms.analytics.anomaly.evaluation;

import java.util.List;

/**
 * A synthetic series with its ground truth.
 *
 * @param epochMillis 15-minute interval starts
 * @param values interval energy (kWh), NaN in gaps
 * @param truth the injected anomalies, in time order
 */
public record LabelledSeries(long[] epochMillis, double[] values, List<Injection> truth) {

  public LabelledSeries {
    epochMillis = epochMillis.clone();
    values = values.clone();
    truth = List.copyOf(truth);
  }

  @Override
  public long[] epochMillis() {
    return epochMillis.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
