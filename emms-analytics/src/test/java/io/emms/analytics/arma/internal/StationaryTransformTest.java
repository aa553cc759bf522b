package io.emms.analytics.arma.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class StationaryTransformTest {

  @Test
  void secondOrderMatchesThePartialAutocorrelationFormulas() {
    // phi2 = r2, phi1 = r1 (1 - r2) with r = u / sqrt(1 + u^2)
    double u1 = 0.75;
    double u2 = -1.5;
    double r1 = u1 / Math.sqrt(1 + u1 * u1);
    double r2 = u2 / Math.sqrt(1 + u2 * u2);
    assertThat(StationaryTransform.toAr(new double[] {u1, u2}))
        .containsExactly(new double[] {r1 * (1 - r2), r2}, within(1e-15));
    assertThat(StationaryTransform.toMa(new double[] {u1, u2}))
        .containsExactly(new double[] {-r1 * (1 - r2), -r2}, within(1e-15));
  }

  @Test
  void rejectsNonStationaryCoefficients() {
    assertThat(StationaryTransform.fromAr(new double[] {1.0})).isNull();
    assertThat(StationaryTransform.fromAr(new double[] {0.5, 0.6})).isNull();
    assertThat(StationaryTransform.isStationary(new double[] {1.2, -0.5})).isTrue();
    assertThat(StationaryTransform.fromMa(new double[] {-1.5})).isNull();
  }

  @Property(seed = "645")
  void everyImageIsStationaryByTheCompanionEigenvalues(
      @ForAll @Size(min = 1, max = 6) double[] u) {
    double[] phi = StationaryTransform.toAr(clamp(u));
    assertThat(spectralRadius(phi)).isLessThan(1);
  }

  @Property(seed = "645")
  void inverseRecoversTheUnconstrainedValues(
      @ForAll @Size(max = 6) double[] u) {
    double[] bounded = clamp(u);
    double[] back = StationaryTransform.fromAr(StationaryTransform.toAr(bounded));
    assertThat(back).containsExactly(bounded, within(1e-4));
    assertThat(StationaryTransform.fromMa(StationaryTransform.toMa(bounded))).containsExactly(bounded,
        within(1e-4));
  }

  @Property(seed = "645")
  void ar1IsTheIdentityOnPartialAutocorrelation(@ForAll @DoubleRange(min = -0.99, max = 0.99) double phi) {
    assertThat(StationaryTransform.toAr(StationaryTransform.fromAr(new double[] {phi})))
        .containsExactly(new double[] {phi}, within(1e-12));
  }

  /** Keeps |u| <= 5 (|PACF| <= 0.981): nearer the unit circle the round trip loses digits to cancellation. */
  private static double[] clamp(double[] u) {
    double[] c = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      c[i] = Double.isFinite(u[i]) ? Math.max(-5, Math.min(5, u[i])) : 0;
    }
    return c;
  }

  private static double spectralRadius(double[] phi) {
    int p = phi.length;
    double[][] companion = new double[p][p];
    companion[0] = phi.clone();
    for (int i = 1; i < p; i++) {
      companion[i][i - 1] = 1;
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(companion));
    double radius = 0;
    for (int i = 0; i < p; i++) {
      radius = Math.max(radius, Math.hypot(eigen.getRealEigenvalues()[i], eigen.getImagEigenvalues()[i]));
    }
    return radius;
  }
}
