package io.emms.analytics.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Combines tamper events with consumption drops against the meter's own history and against its cluster peers
 * into an explainable 0..100 theft-risk score. Stateless and thread-safe.
 */
public final class TheftRiskScorer {

  private final TheftRiskConfig config;

  public TheftRiskScorer(TheftRiskConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public TheftRisk score(TheftEvidence evidence) {
    List<TheftRisk.Contribution> parts = new ArrayList<>();
    for (MeterEvent event : MeterEvent.values()) {
      int count = evidence.count(event);
      double points = config.weight(event) * (1 - Math.pow(2, -count));
      if (points > 0) {
        parts.add(new TheftRisk.Contribution(event.name(), count, points,
            String.format(Locale.ROOT, "%s logged %d time(s): %.1f of %.0f points", event, count, points,
                config.weight(event))));
      }
    }
    drop("OWN_HISTORY_DROP", "own history", evidence.recentDaily(), evidence.ownBaselineDaily(),
        config.ownDropWeight(), parts);
    drop("PEER_SHORTFALL", "cluster peers", evidence.recentDaily(), evidence.peerBaselineDaily(),
        config.peerDropWeight(), parts);
    parts.sort(Comparator.comparingDouble(TheftRisk.Contribution::points).reversed());
    double score = Math.min(100, parts.stream().mapToDouble(TheftRisk.Contribution::points).sum());
    TheftRisk.Level level = score >= config.highFrom() ? TheftRisk.Level.HIGH
        : score >= config.mediumFrom() ? TheftRisk.Level.MEDIUM : TheftRisk.Level.LOW;
    return new TheftRisk(score, level, parts);
  }

  private void drop(String factor, String against, double recent, double baseline, double weight,
      List<TheftRisk.Contribution> parts) {
    if (!(baseline > 0) || Double.isNaN(recent)) {
      return;
    }
    double drop = 1 - recent / baseline;
    double share = Math.max(0, Math.min(1, (drop - config.minDrop()) / (1 - config.minDrop())));
    if (share > 0) {
      parts.add(new TheftRisk.Contribution(factor, drop, weight * share,
          String.format(Locale.ROOT, "%.2f kWh/day is %.0f %% below %s (%.2f kWh/day): %.1f of %.0f points",
              recent, 100 * drop, against, baseline, weight * share, weight)));
    }
  }
}
