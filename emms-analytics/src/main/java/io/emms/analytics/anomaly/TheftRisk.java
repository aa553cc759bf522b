package io.emms.analytics.anomaly;

import java.util.List;
import java.util.Objects;

/**
 * A theft-risk score with the contribution of each factor, largest first.
 *
 * @param score 0..100
 * @param level the band the score falls in
 * @param contributions every factor that scored points
 */
public record TheftRisk(double score, Level level, List<Contribution> contributions) {

  /** Risk bands. */
  public enum Level { LOW, MEDIUM, HIGH }

  public TheftRisk {
    Objects.requireNonNull(level, "level");
    contributions = List.copyOf(contributions);
  }

  /**
   * One factor's share of the score.
   *
   * @param factor the event name, "OWN_HISTORY_DROP" or "PEER_SHORTFALL"
   * @param observed the event count or the drop fraction
   * @param points points added to the score
   * @param explanation a sentence stating the evidence
   */
  public record Contribution(String factor, double observed, double points, String explanation) {
    public Contribution {
      Objects.requireNonNull(factor, "factor");
      Objects.requireNonNull(explanation, "explanation");
    }
  }
}
