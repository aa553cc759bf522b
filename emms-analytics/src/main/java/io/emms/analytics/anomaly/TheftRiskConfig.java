package io.emms.analytics.anomaly;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weights of the theft-risk score (points out of 100). An event type contributes weight × (1 − 2^−count): half
 * its weight for one occurrence, approaching the full weight when it repeats. A consumption drop contributes its
 * weight × (drop − minDrop) / (1 − minDrop), clamped to [0, 1], where drop = 1 − recent / baseline.
 *
 * @param eventWeights points per event type
 * @param ownDropWeight points for a full drop against the meter's own history
 * @param peerDropWeight points for a full shortfall against cluster peers
 * @param minDrop drops up to this fraction are ordinary variation and score nothing
 * @param mediumFrom score from which the risk is MEDIUM
 * @param highFrom score from which the risk is HIGH
 */
public record TheftRiskConfig(Map<MeterEvent, Double> eventWeights, double ownDropWeight, double peerDropWeight,
    double minDrop, double mediumFrom, double highFrom) {

  public TheftRiskConfig {
    eventWeights = Map.copyOf(eventWeights);
    if (!(minDrop >= 0 && minDrop < 1) || !(mediumFrom < highFrom)) {
      throw new IllegalArgumentException("need 0 <= minDrop < 1 and mediumFrom < highFrom");
    }
  }

  /**
   * Defaults: bypass-type events (reverse power, cover open, magnetic interference) 25, loss of current and
   * terminal cover 20, loss of voltage 15, phase break and current unbalance 10, clock change 5; own drop 30, peer
   * shortfall 20; drops under 30 % ignored; MEDIUM from 30, HIGH from 60 (starting points — calibrate on
   * inspected cases).
   */
  public static TheftRiskConfig defaults() {
    Map<MeterEvent, Double> w = new EnumMap<>(MeterEvent.class);
    w.put(MeterEvent.REVERSE_POWER, 25.0);
    w.put(MeterEvent.COVER_OPEN, 25.0);
    w.put(MeterEvent.MAGNETIC_INTERFERENCE, 25.0);
    w.put(MeterEvent.LOSS_OF_CURRENT, 20.0);
    w.put(MeterEvent.TERMINAL_COVER_OPEN, 20.0);
    w.put(MeterEvent.LOSS_OF_VOLTAGE, 15.0);
    w.put(MeterEvent.PHASE_BREAK, 10.0);
    w.put(MeterEvent.CURRENT_UNBALANCE, 10.0);
    w.put(MeterEvent.CLOCK_CHANGE, 5.0);
    return new TheftRiskConfig(w, 30, 20, 0.3, 30, 60);
  }

  double weight(MeterEvent event) {
    return Objects.requireNonNullElse(eventWeights.get(event), 0.0);
  }
}
