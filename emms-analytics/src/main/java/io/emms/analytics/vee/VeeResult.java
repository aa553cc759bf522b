package io.emms.analytics.vee;

import java.util.List;

/**
 * The findings of one validation run, in rule order then time order.
 *
 * @param meterId the validated meter
 * @param findings every rule violation found
 */
public record VeeResult(String meterId, List<Finding> findings) {

  /** Checks the components (see the class description for their meaning). */
  public VeeResult {
    findings = List.copyOf(findings);
  }

  /** True when no rule fired. */
  public boolean passed() {
    return findings.isEmpty();
  }

  /** The findings of one rule. */
  public List<Finding> of(VeeRule rule) {
    return findings.stream().filter(f -> f.rule() == rule).toList();
  }
}
