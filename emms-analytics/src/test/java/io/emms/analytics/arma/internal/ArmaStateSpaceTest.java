package io.emms.analytics.arma.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ArmaStateSpaceTest {

  @Test
  void ar1CovarianceIsOneOverOneMinusPhiSquared() {
    assertThat(new ArmaStateSpace(new double[] {0.8}, new double[0], 0).stationaryCovariance())
        .containsExactly(new double[] {1 / (1 - 0.64)}, within(1e-14));
  }

  @Test
  void arma11CovarianceOfHarveyStates() {
    // states (y(t), theta eps(t)): var y = (1 + 2 phi theta + theta^2) / (1 - phi^2), cov = theta, var = theta^2
    double phi = 0.6;
    double theta = -0.4;
    double[] p = new ArmaStateSpace(new double[] {phi}, new double[] {theta}, 0).stationaryCovariance();
    double gamma0 = (1 + 2 * phi * theta + theta * theta) / (1 - phi * phi);
    assertThat(p).containsExactly(new double[] {gamma0, theta, theta, theta * theta}, within(1e-14));
  }

  @Test
  void unitRootHasNoStationaryCovariance() {
    assertThat(new ArmaStateSpace(new double[] {1.0}, new double[0], 0).stationaryCovariance()).isNull();
  }

  @Test
  void lagBlockOfTheDifferencedModelStartsKnown() {
    double[] p = new ArmaStateSpace(new double[] {0.5}, new double[0], 2).stationaryCovariance();
    assertThat(p).hasSize(9);
    assertThat(p[0]).isCloseTo(1 / 0.75, within(1e-14));
    for (int k = 1; k < 9; k++) {
      assertThat(p[k]).isZero();
    }
    assertThat(ArmaStateSpace.differencingCoefficients(3)).containsExactly(3, -3, 1);
  }

  @Property(tries = 200, seed = "645")
  void covarianceSolvesTheLyapunovEquation(@ForAll @IntRange(max = 4) int p, @ForAll @IntRange(max = 4) int q,
      @ForAll @DoubleRange(min = -3, max = 3) double seed) {
    double[] u = new double[p + q];
    for (int i = 0; i < u.length; i++) {
      u[i] = seed * Math.cos(7.3 * i + seed);
    }
    double[] ar = StationaryTransform.toAr(java.util.Arrays.copyOfRange(u, 0, p));
    double[] ma = StationaryTransform.toMa(java.util.Arrays.copyOfRange(u, p, p + q));
    ArmaStateSpace model = new ArmaStateSpace(ar, ma, 0);
    double[] cov = model.stationaryCovariance();
    int r = model.states();
    double[] tp = new double[r * r];
    double[] tpt = new double[r * r];
    for (int j = 0; j < r; j++) {
      model.transition(cov, j, r, tp, j);
    }
    for (int i = 0; i < r; i++) {
      model.transition(tp, i * r, 1, tpt, i * r);
    }
    model.addDisturbance(tpt);
    double scale = Math.max(1, Math.abs(cov[0]));
    for (int k = 0; k < r * r; k++) {
      assertThat(tpt[k]).isCloseTo(cov[k], within(1e-9 * scale));
    }
  }
}
