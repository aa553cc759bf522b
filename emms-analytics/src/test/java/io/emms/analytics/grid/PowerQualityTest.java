package io.emms.analytics.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerQualityTest {

  /**
   * The 2.29758 % case. The notes give only the figure, so the inputs are chosen here and the arithmetic is done
   * by hand: Ua = 220∠0°, Ub = 204.1∠−120°, Uc = 217.3∠120° (V).
   * U1 = (Ua + a·Ub + a²·Uc)/3 = (220 + 204.1 + 217.3)/3 = 641.4/3 = 213.8 (every term lands on 0°).
   * 3·U2 = Ua + a²·Ub + a·Uc = 220 + 204.1∠120° + 217.3∠−120°
   *      = (220 − 102.05 − 108.65) + j·0.8660254·(204.1 − 217.3) = 9.3 − j11.431535;
   * |3·U2| = √(86.49 + 130.68) = √217.17 = 14.736689; |U2| = 4.912230; ε = 4.912230/213.8 = 2.29758 %.
   */
  @Test
  void unbalanceFromPhasorsIs2_29758() {
    double e = PowerQuality.negativeSequenceUnbalancePercent(Phasor.of(220, 0), Phasor.of(204.1, -120),
        Phasor.of(217.3, 120));
    assertThat(e).isCloseTo(2.29758, within(5e-6));
    assertThat(PowerQuality.unbalanceFromPhaseMagnitudesPercent(220, 204.1, 217.3)).isCloseTo(2.29758, within(5e-6));
  }

  /**
   * Same case from line-voltage magnitudes. With 120° between phases |Ux − Uy|² = Ux² + Uy² + Ux·Uy:
   * Uab² = 48400 + 41656.81 + 44902 = 134958.81; Ubc² = 41656.81 + 47219.29 + 44350.93 = 133227.03;
   * Uca² = 47219.29 + 48400 + 47806 = 143425.29. Σ U² = 411611.13, (Σ U²)² = 1.6942372e11;
   * Σ U⁴ = 1.8213880e10 + 1.7749442e10 + 2.0570814e10 = 5.6534136e10; L = 0.33368489;
   * 3 − 6L = 0.99789067, √ = 0.99894478; (1 − 0.99894478) / (1 + 0.99894478) = 5.278882e-4;
   * ε = √5.278882e-4 = 0.0229758 = 2.29758 %.
   */
  @Test
  void unbalanceFromLineMagnitudesReproducesThePhasorFigure() {
    double e = PowerQuality.negativeSequenceUnbalanceFromLineMagnitudesPercent(Math.sqrt(134958.81),
        Math.sqrt(133227.03), Math.sqrt(143425.29));
    assertThat(e).isCloseTo(2.29758, within(5e-6));
  }

  @Test
  void unbalanceOfLinePhasorsEqualsThatOfPhasePhasors() {
    // Line phasors Uab = Ua − Ub etc. (zero sequence drops out, U2/U1 is unchanged).
    Phasor ua = Phasor.of(220, 0);
    Phasor ub = Phasor.of(204.1, -120);
    Phasor uc = Phasor.of(217.3, 120);
    double e = PowerQuality.negativeSequenceUnbalancePercent(diff(ua, ub), diff(ub, uc), diff(uc, ua));
    assertThat(e).isCloseTo(2.29758, within(5e-6));
  }

  private static Phasor diff(Phasor x, Phasor y) {
    double re = x.re() - y.re();
    double im = x.im() - y.im();
    return Phasor.of(Math.hypot(re, im), Math.toDegrees(Math.atan2(im, re)));
  }

  @Test
  void balancedAndDegenerate() {
    assertThat(PowerQuality.negativeSequenceUnbalanceFromLineMagnitudesPercent(380, 380, 380))
        .isCloseTo(0, within(1e-6));
    assertThat(PowerQuality.negativeSequenceUnbalanceFromLineMagnitudesPercent(1, 1, 5)).isNaN(); // no triangle
  }

  @Test
  void scalarIndices() {
    assertThat(PowerQuality.voltageDeviationPercent(235.4, 220)).isCloseTo(7.0, within(1e-12)); // 15.4 / 220
    assertThat(PowerQuality.voltageDeviationPercent(198, 220)).isCloseTo(-10.0, within(1e-12)); // −22 / 220
    assertThat(PowerQuality.currentUnbalancePercent(60, 45, 30)).isEqualTo(50.0); // (60 − 30) / 60
    assertThat(PowerQuality.currentUnbalancePercent(0, 0, 0)).isZero();
    assertThat(PowerQuality.frequencyDeviationHz(50.25, 50)).isCloseTo(0.25, within(1e-12));
    // √(6.6² + 4.4² + 2.2²) = √67.76 = 8.23165; / 220 = 3.74166 %
    assertThat(PowerQuality.thdPercent(220, 6.6, 4.4, 2.2)).isCloseTo(3.741657, within(1e-6));
    assertThat(PowerQuality.powerFactor(300, 400)).isCloseTo(0.6, within(1e-12)); // 300 / 500
    assertThat(PowerQuality.loadRatePercent(80, 60, 125)).isCloseTo(80, within(1e-12)); // 100 kVA / 125 kVA
    assertThat(PowerQuality.loadFactor(new double[] {2, 4, Double.NaN, 6, 8})).isEqualTo(0.625); // 5 / 8
    assertThat(PowerQuality.peakValleyRatePercent(new double[] {2, 4, 6, 8})).isEqualTo(75.0); // (8 − 2) / 8
    assertThat(PowerQuality.lineLossRatePercent(1000, 920)).isCloseTo(8.0, within(1e-12)); // 80 / 1000
    // tan φ1 = 0.8 / 0.6 = 1.333333, tan φ2 = 0.435890 / 0.9 = 0.484322: 100 × 0.849011 = 84.9011 kvar
    assertThat(PowerQuality.compensationKvar(100, 0.6, 0.9)).isCloseTo(84.9011, within(1e-4));
  }

  @Test
  void qualificationRate() {
    double[] u = {220, 221, 219, 236, 222, 218, 197, 220, 225, 215};
    // 236 V: +7.27 % above +7 %; 197 V: −10.45 % below −10 %; (1 − 2/10) × 100 = 80 %
    VoltageQualification q = VoltageQualification.of(220, 7, -10, 1, u);
    assertThat(q.monitoredMinutes()).isEqualTo(10);
    assertThat(q.aboveMinutes()).isEqualTo(1);
    assertThat(q.belowMinutes()).isEqualTo(1);
    assertThat(q.ratePercent()).isCloseTo(80, within(1e-12));
    assertThat(q.maxDeviationPercent()).isCloseTo(16.0 / 220 * 100, within(1e-12));
  }

  @Test
  void limitsPerVoltageClass() {
    assertThat(VoltageClass.forNominal(220, false)).isEqualTo(VoltageClass.V220_SINGLE_PHASE);
    assertThat(VoltageClass.forNominal(10_000, true)).isEqualTo(VoltageClass.KV20_AND_BELOW_THREE_PHASE);
    assertThat(VoltageClass.forNominal(110_000, true)).isEqualTo(VoltageClass.KV35_AND_ABOVE);
    IndexLimits mv = IndexLimits.forNominal(10_000, true);
    assertThat(mv.voltageUpperPercent()).isEqualTo(7);
    assertThat(mv.voltageLowerPercent()).isEqualTo(-7);
    assertThat(mv.thdPercent()).isEqualTo(4);
    assertThat(IndexLimits.defaults().voltageLowerPercent()).isEqualTo(-10);
  }
}
