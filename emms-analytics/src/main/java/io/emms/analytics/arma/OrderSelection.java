package io.emms.analytics.arma;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of an order search: the best fit and every candidate that was tried, in the order tried.
 *
 * @param best       the fit with the smallest criterion, with standard errors
 * @param criterion  the criterion used
 * @param candidates all models tried
 */
public record OrderSelection(ArimaFit best, InformationCriterion criterion, List<Candidate> candidates) {

  /** Checks the components (see the class description for their meaning). */
  public OrderSelection {
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(criterion, "criterion");
    candidates = List.copyOf(candidates);
  }

  /** The chosen order. */
  public ArimaOrder order() {
    return best.order();
  }

  /** True if the chosen model has a mean. */
  public boolean mean() {
    return best.meanEstimated();
  }

  /**
   * One model tried during the search.
   *
   * @param score the criterion value; +infinity if the model could not be fitted
   */
  public record Candidate(ArimaOrder order, boolean mean, double score) {
  }
}
