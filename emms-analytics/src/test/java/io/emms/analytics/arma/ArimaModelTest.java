package io.emms.analytics.arma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Behaviour with values worked out by hand from the AR(1) and random-walk formulas. */
class ArimaModelTest {

  private static final double Z95 = 1.959963984540054;

  @Test
  void ar1ForecastsDecayTowardsTheMeanWithGeometricVariance() {
    // y(n+h) = mu + phi^h (y(n) - mu); var = sigma2 (1 + phi^2 + ... + phi^(2(h-1)))
    ArimaModel model = new ArimaModel(ArimaOrder.of(1, 0, 0), new double[] {0.5}, new double[0], 10, 4);
    Forecast f = model.forecast(new double[] {9, 11, 14}, 3);
    assertThat(f.mean()).containsExactly(new double[] {12, 11, 10.5}, within(1e-12));
    assertThat(f.se()).containsExactly(new double[] {2, Math.sqrt(5), Math.sqrt(5.25)}, within(1e-12));
    assertThat(f.lower()[0]).isCloseTo(12 - Z95 * 2, within(1e-9));
    assertThat(f.upper()[2]).isCloseTo(10.5 + Z95 * Math.sqrt(5.25), within(1e-9));
    assertThat(f.level()).isEqualTo(0.95);
  }

  @Test
  void ar1ForecastBridgesMissingValuesAtTheEnd() {
    ArimaModel model = new ArimaModel(ArimaOrder.of(1, 0, 0), new double[] {0.5}, new double[0], 10, 4);
    Forecast f = model.forecast(new double[] {9, 14, Double.NaN}, 1);
    // two steps from y = 14: 10 + 0.25 * 4, variance 4 (1 + 0.25)
    assertThat(f.mean()[0]).isCloseTo(11, within(1e-12));
    assertThat(f.se()[0]).isCloseTo(Math.sqrt(5), within(1e-12));
  }

  @Test
  void randomWalkForecastIsTheLastLevelWithSqrtHGrowth() {
    ArimaModel walk = new ArimaModel(ArimaOrder.of(0, 1, 0), new double[0], new double[0], 0, 2);
    Forecast f = walk.forecast(new double[] {3, 5, 4, 8}, 4);
    assertThat(f.mean()).containsExactly(new double[] {8, 8, 8, 8}, within(1e-12));
    for (int h = 1; h <= 4; h++) {
      assertThat(f.se()[h - 1]).isCloseTo(Math.sqrt(2.0 * h), within(1e-12));
    }
  }

  @Test
  void randomWalkLikelihoodIsThatOfTheIncrements() {
    ArimaModel walk = new ArimaModel(ArimaOrder.of(0, 1, 0), new double[0], new double[0], 0, 2);
    double[] y = {3, 5, 4, 8};
    double expected = 0;
    for (double dy : new double[] {2, -1, 4}) {
      expected += -0.5 * (Math.log(2 * Math.PI * 2) + dy * dy / 2);
    }
    assertThat(walk.logLikelihood(y)).isCloseTo(expected, within(1e-12));
    OneStepPredictions p = walk.predictions(y);
    assertThat(p.prediction()[0]).isNaN();
    assertThat(p.prediction()[3]).isEqualTo(4);
    assertThat(p.standardizedResidual()[3]).isCloseTo(4 / Math.sqrt(2), within(1e-12));
  }

  @Test
  void secondDifferencesExtrapolateTheLastSlope() {
    ArimaModel model = new ArimaModel(ArimaOrder.of(0, 2, 0), new double[0], new double[0], 0, 1);
    Forecast f = model.forecast(new double[] {1, 2, 4, 7}, 2);
    // (1 - B)^2 y = eps: y(n+1) = 2 * 7 - 4 = 10, y(n+2) = 2 * 10 - 7 = 13; var h=2: 1 + 2^2
    assertThat(f.mean()).containsExactly(new double[] {10, 13}, within(1e-12));
    assertThat(f.se()[1]).isCloseTo(Math.sqrt(5), within(1e-12));
  }

  @Test
  void firstPredictionOfAStationaryModelIsTheMeanWithTheProcessVariance() {
    // ARMA(1,1): gamma0 = sigma2 (1 + 2 phi theta + theta^2) / (1 - phi^2)
    ArimaModel model = new ArimaModel(ArimaOrder.of(1, 0, 1), new double[] {0.6}, new double[] {0.3}, 5, 2);
    OneStepPredictions p = model.predictions(new double[] {4, 6});
    assertThat(p.prediction()[0]).isEqualTo(5);
    assertThat(p.variance()[0]).isCloseTo(2 * (1 + 2 * 0.6 * 0.3 + 0.09) / (1 - 0.36), within(1e-12));
  }

  @Test
  void rejectsInconsistentModels() {
    assertThatThrownBy(() -> new ArimaModel(ArimaOrder.of(1, 0, 0), new double[] {1.0}, new double[0], 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stationary");
    assertThatThrownBy(() -> new ArimaModel(ArimaOrder.of(1, 0, 0), new double[0], new double[0], 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArimaModel(ArimaOrder.of(0, 1, 0), new double[0], new double[0], 3, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
    assertThatThrownBy(() -> new ArimaModel(ArimaOrder.of(0, 0, 0), new double[0], new double[0], 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArimaConfig.of(ArimaOrder.of(1, 1, 0), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArimaModel(ArimaOrder.of(0, 1, 0), new double[0], new double[0], 0, 1)
        .forecast(new double[] {Double.NaN}, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void modelIsImmutableAndSerializable() throws Exception {
    double[] ar = {0.5};
    ArimaModel model = new ArimaModel(ArimaOrder.of(1, 0, 1), ar, new double[] {0.2}, 1, 2);
    ar[0] = 0.9;
    model.ar()[0] = 0.9;
    assertThat(model.ar()).containsExactly(0.5);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(model);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(model);
    }
  }

  @Test
  void ordersParseFromTheCommandLineForm() {
    assertThat(ArimaOrder.parse("2, 1,3")).isEqualTo(ArimaOrder.of(2, 1, 3));
    assertThat(ArimaOrder.of(1, 0, 2)).hasToString("ARIMA(1,0,2)");
    assertThatThrownBy(() -> ArimaOrder.parse("2,1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArimaOrder.parse("a,b,c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArimaOrder.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fitNeedsMoreObservationsThanParameters() {
    assertThatThrownBy(() -> Arima.fit(new double[] {1, 2, Double.NaN, 3}, ArimaOrder.of(2, 0, 1), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observations");
  }
}
