package io.emms.analytics.anomaly;

import java.util.EnumMap;
import java.util.Map;

/**
 * What is known about one meter over an assessment window.
 *
 * @param eventCounts how often each event was logged in the window (absent = 0)
 * @param recentDaily mean daily consumption in the window (kWh)
 * @param ownBaselineDaily mean daily consumption of the same meter before the window (kWh); NaN if unknown
 * @param peerBaselineDaily mean daily consumption of comparable meters (same load-profile cluster) in the window
 *     (kWh); NaN if unknown, see {@link PeerBaseline}
 */
public record TheftEvidence(Map<MeterEvent, Integer> eventCounts, double recentDaily, double ownBaselineDaily,
    double peerBaselineDaily) {

  public TheftEvidence {
    EnumMap<MeterEvent, Integer> copy = new EnumMap<>(MeterEvent.class);
    eventCounts.forEach((event, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("negative count for " + event);
      }
      copy.put(event, count);
    });
    eventCounts = Map.copyOf(copy);
  }

  public int count(MeterEvent event) {
    return eventCounts.getOrDefault(event, 0);
  }
}
