package io.emms.analytics.anomaly.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.analytics.anomaly.ArmaResidualDetector;
import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.HampelDetector;
import io.emms.analytics.anomaly.SeasonalConfig;
import io.emms.analytics.anomaly.SeasonalDetector;
import io.emms.analytics.anomaly.StreamingHampel;
import io.emms.analytics.anomaly.StreamingSeasonal;
import io.emms.analytics.anomaly.StreamingZScore;
import io.emms.analytics.anomaly.ZScoreConfig;
import io.emms.analytics.anomaly.ZScoreDetector;
import io.emms.analytics.arma.ArimaOrder;
import io.emms.analytics.vee.VeeConfig;
import io.emms.analytics.vee.VeeEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorEvaluationTest {

  private static List<DetectorEvaluation.Row> rows;

  private static List<DetectorEvaluation.Row> rows() {
    if (rows == null) {
      List<FlagSource> sources = List.of(
          FlagSource.batch(new ZScoreDetector(ZScoreConfig.THREE_SIGMA)),
          FlagSource.batch(new HampelDetector(HampelConfig.DEFAULT)),
          FlagSource.batch(new SeasonalDetector(SeasonalConfig.DEFAULT)),
          FlagSource.batch(ArmaResidualDetector.fitting(ArimaOrder.of(2, 0, 1), 4)),
          FlagSource.streaming(() -> new StreamingZScore(ZScoreConfig.THREE_SIGMA)),
          FlagSource.streaming(() -> new StreamingHampel(HampelConfig.DEFAULT)),
          FlagSource.streaming(() -> new StreamingSeasonal(SeasonalConfig.DEFAULT)),
          FlagSource.vee(new VeeEngine(VeeConfig.defaults()), Duration.ofMinutes(15)));
      rows = DetectorEvaluation.evaluate(sources, Arrays.asList(AnomalyKind.values()), 35, 4, 3, 20260105L, 4);
      System.out.println(DetectorEvaluation.markdown(rows));
    }
    return rows;
  }

  private static DetectorEvaluation.Row row(String detector, AnomalyKind kind) {
    return rows().stream().filter(r -> r.detector().equals(detector) && r.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void obviousKindsAreFound() {
    assertThat(row("hampel", AnomalyKind.SPIKE).recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(row("seasonal", AnomalyKind.SPIKE).recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(row("streaming-hampel", AnomalyKind.SPIKE).recall()).isGreaterThanOrEqualTo(0.9);
    for (String d : List.of("zscore", "hampel", "arma", "streaming-zscore", "vee")) {
      assertThat(row(d, AnomalyKind.ROLLOVER).recall()).as(d).isEqualTo(1.0);
    }
    assertThat(row("vee", AnomalyKind.GAP).recall()).isEqualTo(1.0);
    assertThat(row("vee", AnomalyKind.GAP).precision()).isEqualTo(1.0);
    assertThat(row("vee", AnomalyKind.ZERO_RUN).recall()).isEqualTo(1.0);
    assertThat(row("vee", AnomalyKind.STUCK).recall()).isEqualTo(1.0);
    assertThat(row("vee", AnomalyKind.THEFT_DROP).recall()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void spikesAreFlaggedPrecisely() {
    for (String d : List.of("zscore", "arma", "vee")) {
      assertThat(row(d, AnomalyKind.SPIKE).precision()).as(d).isGreaterThanOrEqualTo(0.5);
      assertThat(row(d, AnomalyKind.ROLLOVER).precision()).as(d).isGreaterThanOrEqualTo(0.5);
    }
  }

  @Test
  void syntheticSeriesAreReproducible() {
    LabelledSeries a = SyntheticLoad.withAnomalies(35, AnomalyKind.SPIKE, 4, 1);
    LabelledSeries b = SyntheticLoad.withAnomalies(35, AnomalyKind.SPIKE, 4, 1);
    assertThat(a.values()).containsExactly(b.values());
    assertThat(a.truth()).isEqualTo(b.truth()).hasSize(4);
    assertThat(a.truth().get(0).from()).isGreaterThanOrEqualTo(7 * 96);
  }
}
