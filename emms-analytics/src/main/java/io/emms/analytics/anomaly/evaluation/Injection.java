package io.emms.analytics.anomaly.evaluation;

import java.util.Objects;

/**
 * Where an anomaly was injected.
 *
 * @param kind what was injected
 * @param from first affected index
 * @param to first index after the affected span
 */
public record Injection(AnomalyKind kind, int from, int to) {

  public Injection {
    Objects.requireNonNull(kind, "kind");
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("empty span " + from + ".." + to);
    }
  }
}
