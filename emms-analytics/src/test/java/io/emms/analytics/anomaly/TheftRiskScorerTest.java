package io.emms.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.emms.analytics.cluster.KMeansAlgorithm;
import io.emms.analytics.cluster.KMeansResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TheftRiskScorerTest {

  private final TheftRiskScorer scorer = new TheftRiskScorer(TheftRiskConfig.defaults());

  @Test
  void combinesEventsAndDropsWithExplanations() {
    TheftEvidence e = new TheftEvidence(Map.of(MeterEvent.COVER_OPEN, 1, MeterEvent.REVERSE_POWER, 2), 6, 10, 12);
    TheftRisk risk = scorer.score(e);
    // cover open once: 25 × (1 − 1/2) = 12.5; reverse power twice: 25 × (1 − 1/4) = 18.75
    // own drop 1 − 6/10 = 0.4 → (0.4 − 0.3)/0.7 × 30 = 4.2857; peer 1 − 6/12 = 0.5 → (0.5 − 0.3)/0.7 × 20 = 5.7143
    // total 12.5 + 18.75 + 4.2857 + 5.7143 = 41.25 → MEDIUM (30 ≤ s < 60)
    assertThat(risk.score()).isCloseTo(41.25, within(1e-9));
    assertThat(risk.level()).isEqualTo(TheftRisk.Level.MEDIUM);
    assertThat(risk.contributions()).extracting(TheftRisk.Contribution::factor)
        .containsExactly("REVERSE_POWER", "COVER_OPEN", "PEER_SHORTFALL", "OWN_HISTORY_DROP");
    assertThat(risk.contributions().get(2).points()).isCloseTo(20 * 0.2 / 0.7, within(1e-9));
    assertThat(risk.contributions().get(3).explanation()).contains("6.00 kWh/day").contains("40 %")
        .contains("own history");
  }

  @Test
  void quietMeterScoresNothingAndScoreIsCapped() {
    assertThat(scorer.score(new TheftEvidence(Map.of(), 10, 10, Double.NaN)).score()).isZero();
    Map<MeterEvent, Integer> all = new java.util.EnumMap<>(MeterEvent.class);
    for (MeterEvent m : MeterEvent.values()) {
      all.put(m, 10);
    }
    TheftRisk risk = scorer.score(new TheftEvidence(all, 0, 10, 10));
    assertThat(risk.score()).isEqualTo(100);
    assertThat(risk.level()).isEqualTo(TheftRisk.Level.HIGH);
  }

  @Test
  void peerBaselineAveragesTheOtherMembersOfTheCluster() {
    KMeansResult clusters = new KMeansResult(2, 1, new double[] {0, 10}, new int[] {0, 0, 1, 0}, new int[] {3, 1},
        0, 1, true, KMeansAlgorithm.LLOYD);
    double[] daily = {4, 8, 30, 12};
    // meter 0 is in cluster 0 with meters 1 and 3: (8 + 12) / 2 = 10; meter 2 is alone
    assertThat(PeerBaseline.of(clusters, daily, 0)).isEqualTo(10.0);
    assertThat(PeerBaseline.of(clusters, daily, 2)).isNaN();
  }
}
