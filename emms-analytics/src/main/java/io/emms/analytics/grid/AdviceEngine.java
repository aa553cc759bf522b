package io.emms.analytics.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns indices out of limits into dispatch advice, one {@link Advice} per violation, most severe first.
 * Stateless and thread-safe.
 */
public final class AdviceEngine {

  private final IndexLimits limits;

  /** An engine that judges indices against {@code limits}. */
  public AdviceEngine(IndexLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Advice for every index of {@code assessment} outside its limit, most severe first. */
  public List<Advice> advise(GridAssessment assessment) {
    return advise(assessment.values());
  }

  /** Advice for every value outside its limit, most severe first; empty when all are within limits. */
  public List<Advice> advise(List<IndexValue> values) {
    List<Advice> out = new ArrayList<>();
    for (IndexValue v : values) {
      if (!v.withinLimit()) {
        out.add(new Advice(v.index(), v.value(), v.limit(), severity(v), action(v)));
      }
    }
    out.sort((a, b) -> b.severity().compareTo(a.severity()));
    return out;
  }

  private Severity severity(IndexValue v) {
    boolean critical = switch (v.index()) {
      case VOLTAGE_UNBALANCE -> v.value() > limits.unbalanceShortTimePercent();
      case LOAD_RATE -> v.value() > limits.loadRateOverloadPercent();
      case VOLTAGE_QUALIFICATION_RATE -> v.value() < 90;
      case POWER_FACTOR -> v.value() < limits.powerFactorMin() - 0.1;
      case VOLTAGE_DEVIATION -> Math.abs(v.value()) > 1.5 * Math.abs(v.limit());
      default -> v.value() > 2 * v.limit();
    };
    return critical ? Severity.CRITICAL : Severity.WARNING;
  }

  private String action(IndexValue v) {
    String evidence = v.detail().isEmpty() ? "" : " (" + v.detail() + ")";
    return switch (v.index()) {
      case VOLTAGE_DEVIATION -> (v.value() > 0
          ? "voltage too high: lower the distribution transformer tap one step and check capacitor banks that stay "
              + "on at light load"
          : "voltage too low: raise the distribution transformer tap one step, add reactive compensation near the "
              + "load, or shorten/upgrade the low-voltage feeder") + evidence;
      case VOLTAGE_QUALIFICATION_RATE -> "adjust the transformer tap toward the side with more minutes out of band "
          + "and review the feeder's voltage profile" + evidence;
      case VOLTAGE_UNBALANCE -> "rebalance single-phase loads across phases and check for a broken neutral or an "
          + "open phase fuse" + evidence;
      case CURRENT_UNBALANCE -> "move single-phase customers from the most loaded phase to the least loaded phase"
          + evidence;
      case FREQUENCY_DEVIATION -> "frequency is system-wide: report to dispatch; if neighbouring points are normal, "
          + "check this meter's frequency measurement" + evidence;
      case VOLTAGE_THD -> "locate harmonic sources (inverters, variable-speed drives, rectifiers), install passive "
          + "or active harmonic filters and check capacitor banks for resonance" + evidence;
      case POWER_FACTOR -> "add reactive compensation (switched capacitor bank or SVG) at the customer or transformer"
          + evidence;
      case LOAD_RATE -> (v.value() > limits.loadRateOverloadPercent()
          ? "transformer overloaded: transfer load to neighbouring transformers now and plan a capacity upgrade"
          : "transformer heavily loaded: plan load transfer or a capacity upgrade before the next peak season")
          + evidence;
      case LINE_LOSS_RATE -> "check for electricity theft and meter faults (run the theft-risk score on the area's "
          + "meters), verify the meter-to-transformer mapping and inspect lines for faults or leakage" + evidence;
      case LOAD_FACTOR, PEAK_VALLEY_RATE -> "informational index" + evidence;
    };
  }
}
