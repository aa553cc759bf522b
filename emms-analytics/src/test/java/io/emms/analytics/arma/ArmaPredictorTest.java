package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArmaPredictorTest {

  @ParameterizedTest
  @ValueSource(strings = {"nile", "lakehuron_gaps", "wwwusage", "wwwusage_gaps"})
  void streamingReproducesTheBatchPredictions(String name) {
    ReferenceCase c = ReferenceCase.load(name);
    ArimaModel model = c.rModel();
    OneStepPredictions batch = model.predictions(c.y());
    ArmaPredictor predictor = model.predictor();
    for (int t = 0; t < c.y().length; t++) {
      if (Double.isNaN(batch.prediction()[t])) {
        assertThat(predictor.ready()).isFalse();
        assertThat(predictor.prediction()).isNaN();
      } else {
        assertThat(predictor.prediction()).isCloseTo(batch.prediction()[t], within(1e-9));
        assertThat(predictor.variance()).isCloseTo(batch.variance()[t], within(1e-9));
      }
      double z = predictor.update(c.y()[t]);
      if (Double.isNaN(batch.standardizedResidual()[t])) {
        assertThat(z).isNaN();
      } else {
        assertThat(z).isCloseTo(batch.standardizedResidual()[t], within(1e-9));
      }
    }
    assertThat(predictor.prediction()).isCloseTo(model.forecast(c.y(), 1).mean()[0], within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sunspots", "wwwusage"})
  void aCheckpointedPredictorContinuesIdentically(String name) throws Exception {
    ReferenceCase c = ReferenceCase.load(name);
    ArmaPredictor predictor = c.rModel().predictor();
    int half = c.y().length / 2;
    for (int t = 0; t < half; t++) {
      predictor.update(c.y()[t]);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(predictor);
    }
    ArmaPredictor restored;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (ArmaPredictor) in.readObject();
    }
    for (int t = half; t < c.y().length; t++) {
      assertThat(restored.update(c.y()[t])).isEqualTo(predictor.update(c.y()[t]));
    }
    assertThat(restored.prediction()).isEqualTo(predictor.prediction());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void differencedPredictorPrimesOnDConsecutiveValuesAgainAfterAnEarlyGap(int d) {
    ArimaModel model = new ArimaModel(ArimaOrder.of(0, d, 0), new double[0], new double[0], 0, 1);
    ArmaPredictor predictor = model.predictor();
    assertThat(predictor.update(1)).isNaN();
    if (d == 2) {
      assertThat(predictor.update(Double.NaN)).isNaN();
      assertThat(predictor.ready()).isFalse();
      assertThat(predictor.update(1)).isNaN();
      assertThat(predictor.update(3)).isNaN();
    }
    assertThat(predictor.ready()).isTrue();
    assertThat(predictor.prediction()).isEqualTo(d == 1 ? 1 : 5);
    assertThat(predictor.variance()).isEqualTo(1);
  }
}
