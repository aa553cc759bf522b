package io.emms.analytics.anomaly;

import io.emms.analytics.arma.Arima;
import io.emms.analytics.arma.ArimaModel;
import io.emms.analytics.arma.ArimaOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Batch ARMA one-step residual detector: fits an ARIMA model to the series by exact maximum likelihood (or uses a
 * given model), runs its one-step predictor over the series and flags standardised residuals |z| above the
 * threshold. Flagged values are fed to the predictor as missing, so one spike does not distort the predictions
 * after it.
 */
public final class ArmaResidualDetector implements AnomalyDetector {

  private final ArimaOrder order;
  private final ArimaModel model;
  private final double threshold;

  private ArmaResidualDetector(ArimaOrder order, ArimaModel model, double threshold) {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold must be > 0");
    }
    this.order = order;
    this.model = model;
    this.threshold = threshold;
  }

  /** Fits a model of the given order (with a mean when d = 0) to each series it is asked about. */
  public static ArmaResidualDetector fitting(ArimaOrder order, double threshold) {
    return new ArmaResidualDetector(Objects.requireNonNull(order, "order"), null, threshold);
  }

  /** Uses a model fitted beforehand, e.g. on a clean training period. */
  public static ArmaResidualDetector withModel(ArimaModel model, double threshold) {
    return new ArmaResidualDetector(null, Objects.requireNonNull(model, "model"), threshold);
  }

  @Override
  public String name() {
    return "arma";
  }

  @Override
  public List<Anomaly> detect(long[] epochMillis, double[] values) {
    SeriesArguments.check(epochMillis, values);
    ArimaModel m = model != null ? model : Arima.fit(values, order, order.d() == 0).model();
    StreamingArma streaming = new StreamingArma(m, threshold);
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Anomaly a = streaming.check(i, epochMillis[i], values[i]);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }
}
