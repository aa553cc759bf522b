package io.emms.analytics.vee;

import java.util.List;
import java.util.Objects;

/**
 * Validates interval data against the rules of a {@link VeeConfig} and estimates what is missing or invalid.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * VeeEngine vee = new VeeEngine(VeeConfig.builder().ratedCurrentA(80).build());
 * VeeResult result = vee.validate(data);
 * EstimatedSeries filled = vee.estimate(data, result);
 * }</pre>
 */
public final class VeeEngine {

  private final VeeConfig config;

  public VeeEngine(VeeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public VeeConfig config() {
    return config;
  }

  /** Runs every enabled rule. */
  public VeeResult validate(IntervalData data) {
    return new VeeResult(data.meterId(), new VeeRules(config, data).run());
  }

  /**
   * Puts the data on a regular grid and fills missing intervals and intervals that failed a rule listed in
   * {@link VeeConfig#estimateOver()}: gaps up to {@link VeeConfig#maxInterpolationGap()} by linear
   * interpolation between the neighbouring actuals, longer ones (or ones at the edges) by the average of the same
   * interval on up to {@link VeeConfig#likeDays()} days of the same day type (weekday/weekend).
   */
  public EstimatedSeries estimate(IntervalData data, VeeResult validation) {
    return new Estimator(config, data, validation.findings()).run();
  }

  /** Estimates missing intervals only. */
  public EstimatedSeries estimate(IntervalData data) {
    return new Estimator(config, data, List.of()).run();
  }
}
