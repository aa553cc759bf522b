package io.emms.analytics.arma;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of an order search ({@link OrderSearch}).
 *
 * @param d         order of differencing, fixed during the search
 * @param maxP      largest AR order tried
 * @param maxQ      largest MA order tried
 * @param mean      whether candidate models estimate a mean (only possible when d = 0)
 * @param criterion what "best" means
 * @param maxModels stepwise search stops after fitting this many models (the grid ignores it)
 */
public record OrderSearchConfig(int d, int maxP, int maxQ, Mean mean, InformationCriterion criterion,
    int maxModels) implements Serializable {

  /** Mean term of the candidate models. */
  public enum Mean {
    /** No mean (forced when d > 0). */
    EXCLUDE,
    /** Every candidate estimates a mean. */
    INCLUDE,
    /** Try both, as R's {@code auto.arima} does with its constant. */
    EITHER
  }

  /** Checks the components (see the class description for their meaning). */
  public OrderSearchConfig {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(criterion, "criterion");
    if (d < 0 || maxP < 0 || maxQ < 0 || maxModels < 1) {
      throw new IllegalArgumentException("d, maxP and maxQ must be >= 0 and maxModels >= 1");
    }
    if (d > 0 && mean == Mean.INCLUDE) {
      throw new IllegalArgumentException("a mean is only estimated for d = 0");
    }
    if (d > 0) {
      mean = Mean.EXCLUDE;
    }
  }

  /** Starts a builder with auto.arima-like defaults: d = 0, p, q up to 5, mean EITHER, AICc, 94 models. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link OrderSearchConfig}. */
  public static final class Builder {
    private int d;
    private int maxP = 5;
    private int maxQ = 5;
    private Mean mean = Mean.EITHER;
    private InformationCriterion criterion = InformationCriterion.AICC;
    private int maxModels = 94;

    private Builder() {
    }

    /** Sets {@code d}: order of differencing, fixed during the search. */
    public Builder d(int d) {
      this.d = d;
      return this;
    }

    /** Sets {@code maxP}: largest AR order tried. */
    public Builder maxP(int maxP) {
      this.maxP = maxP;
      return this;
    }

    /** Sets {@code maxQ}: largest MA order tried. */
    public Builder maxQ(int maxQ) {
      this.maxQ = maxQ;
      return this;
    }

    /** Sets {@code mean}: whether candidate models estimate a mean (only possible when d = 0). */
    public Builder mean(Mean mean) {
      this.mean = mean;
      return this;
    }

    /** Sets {@code criterion}: what "best" means. */
    public Builder criterion(InformationCriterion criterion) {
      this.criterion = criterion;
      return this;
    }

    /** Sets {@code maxModels}: stepwise search stops after fitting this many models (the grid ignores it). */
    public Builder maxModels(int maxModels) {
      this.maxModels = maxModels;
      return this;
    }

    /** Builds; with d > 0 a mean of {@code EITHER} becomes {@code EXCLUDE}. */
    public OrderSearchConfig build() {
      return new OrderSearchConfig(d, maxP, maxQ, d > 0 && mean == Mean.EITHER ? Mean.EXCLUDE : mean,
          criterion, maxModels);
    }
  }
}
